using Microsoft.AspNetCore.Http.HttpResults;
using PainBias.Core.Domain;
using PainBias.Web.Hosting;

namespace PainBias.Web.Features.AssessorTask;

public static class TaskEndpoints
{
    public static void MapTaskEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/task/s/{sessionId:guid}/image", GetImage);
        app.MapGet("/task/s/{sessionId:guid}/gold", GetGoldImage);
        // Scripts call this with the researcher's cookie (SameSite=Lax, so no cross-site form can) and no antiforgery token.
        app.MapPost("/api/studies/{studyId:guid}/links", PostLinks).RequireAuthorization(IdentitySetup.ResearcherPolicy).DisableAntiforgery();
        app.MapPost("/api/studies/{studyId:guid}/gold", PostGold).RequireAuthorization(IdentitySetup.ResearcherPolicy).DisableAntiforgery();
    }

    private static async Task<Results<FileContentHttpResult, NotFound>> GetImage(Guid sessionId, HttpContext http, SessionImage images,
        TaskSessionBinding binding, CancellationToken ct)
    {
        var blob = await images.GetAsync(sessionId, platform => binding.Allows(http, sessionId, platform), ct);
        if (blob is null)
            return TypedResults.NotFound();
        http.Response.Headers.CacheControl = "private, max-age=3600";
        return TypedResults.File(blob.Data, blob.ContentType);
    }

    private static async Task<Results<FileContentHttpResult, NotFound>> GetGoldImage(Guid sessionId, HttpContext http, SessionImage images,
        TaskSessionBinding binding, CancellationToken ct)
    {
        var blob = await images.GetGoldAsync(sessionId, platform => binding.Allows(http, sessionId, platform), ct);
        if (blob is null)
            return TypedResults.NotFound();
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.File(blob.Data, blob.ContentType);
    }

    private static async Task<Results<Ok<CreatedLinks>, NotFound, ValidationProblem>> PostLinks(
        Guid studyId, HttpContext http, CreateTaskLinks.Handler handler, CancellationToken ct,
        int count = 1, string platform = nameof(Platform.Direct), string lang = TaskCultures.English)
    {
        // An API answers with its own status; the HTML status page would re-run this POST against a page and fail antiforgery.
        if (http.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodePagesFeature>() is { } pages)
            pages.Enabled = false;
        var errors = new Dictionary<string, string[]>();
        if (count is < 1 or > CreateTaskLinks.MaxCount)
            errors["count"] = [$"count must be 1..{CreateTaskLinks.MaxCount}."];
        if (!Enum.TryParse<Platform>(platform, ignoreCase: true, out var parsed) || parsed == Platform.MTurk)
            errors["platform"] = ["platform must be Direct or Credamo (MTurk workers arrive through the HIT)."];
        if (TaskCultures.Match(lang) is not { } culture)
            errors["lang"] = ["lang must be en or zh-CN."];
        else if (errors.Count == 0)
        {
            var baseUrl = $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}";
            var links = await handler.HandleAsync(new CreateTaskLinks.Command(studyId, count, parsed, culture, baseUrl), Actor.From(http.User), ct);
            return links is null ? TypedResults.NotFound() : TypedResults.Ok(new CreatedLinks(links));
        }
        return TypedResults.ValidationProblem(errors);
    }

    private static async Task<Results<Created<CreatedGold>, NotFound, ValidationProblem>> PostGold(
        Guid studyId, GoldCodes codes, HttpContext http, AddGoldItem.Handler handler, CancellationToken ct)
    {
        if (http.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodePagesFeature>() is { } pages)
            pages.Enabled = false;
        var (id, errors) = await handler.HandleAsync(
            new AddGoldItem.Command(studyId, codes.VariantId, codes.Au4, codes.Au6, codes.Au7, codes.Au9, codes.Au10, codes.Au43, codes.Tolerance),
            Actor.From(http.User), ct);
        if (id is null)
            return TypedResults.NotFound();
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["gold"] = [.. errors] });
        return TypedResults.Created($"/api/studies/{studyId}", new CreatedGold(id.Value));
    }

    public sealed record CreatedLinks(IReadOnlyList<string> Links);

    /// <summary>An image of the study and the expert's codes for it.</summary>
    public sealed record GoldCodes(Guid VariantId, int Au4, int Au6, int Au7, int Au9, int Au10, int Au43, int Tolerance = 1);

    public sealed record CreatedGold(Guid Id);
}
