using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using PainBias.Core.Domain;
using PainBias.Crowd.Credamo;
using PainBias.Web.Features.AssessorTask;
using PainBias.Web.Hosting;

namespace PainBias.Web.Features.ParticipantLinks;

public static class ParticipantLinkEndpoints
{
    public static void MapParticipantLinkEndpoints(this IEndpointRouteBuilder app)
    {
        // From the study pages: a plain form post with its antiforgery token, answered with the file.
        app.MapPost("/studies/{studyId:guid}/links.csv", LinksCsv).RequireAuthorization(IdentitySetup.ResearcherPolicy)
            .WithMetadata(new SkipStatusCodePagesAttribute());
        // For scripts with the researcher's cookie (SameSite=Lax, so no cross-site form can post here).
        app.MapPost("/api/studies/{studyId:guid}/links.csv", LinksCsv).RequireAuthorization(IdentitySetup.ResearcherPolicy)
            .WithMetadata(new SkipStatusCodePagesAttribute()).DisableAntiforgery();
    }

    private static async Task<Results<FileContentHttpResult, NotFound, ValidationProblem>> LinksCsv(
        Guid studyId, [FromForm] int? count, [FromForm] string? platform, [FromForm] string? lang, HttpContext http, IssueParticipantLinks.Handler handler, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (count is not { } n || n is < 1 or > IssueParticipantLinks.MaxCount)
            errors["count"] = [$"count must be 1..{IssueParticipantLinks.MaxCount}."];
        if (!Enum.TryParse<Platform>(platform ?? nameof(Platform.Direct), ignoreCase: true, out var parsed) || parsed == Platform.MTurk)
            errors["platform"] = ["platform must be Direct or Credamo (MTurk workers arrive through the HIT)."];
        // Credamo's participants read Chinese: their links open the task in Simplified Chinese unless told otherwise.
        var culture = TaskCultures.Match(lang ?? (parsed == Platform.Credamo ? TaskCultures.Chinese : TaskCultures.English));
        if (culture is null)
            errors["lang"] = ["lang must be en or zh-CN."];
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);

        var baseUrl = $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}";
        var links = await handler.HandleAsync(new IssueParticipantLinks.Command(studyId, count!.Value, parsed, culture!, baseUrl), Actor.From(http.User), ct);
        if (links is null)
            return TypedResults.NotFound();
        return TypedResults.File(CredamoCsv.Links(links), "text/csv; charset=utf-8",
            $"{parsed.ToString().ToLowerInvariant()}-links-{DateTime.UtcNow:yyyyMMdd-HHmmss}.csv");
    }
}
