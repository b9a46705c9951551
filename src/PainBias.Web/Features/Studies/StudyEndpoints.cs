using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using PainBias.Web.Hosting;

namespace PainBias.Web.Features.Studies;

/// <summary>JSON API for scripts: list studies, create one, add faces (multipart). The pages call the same handlers.</summary>
public static class StudyEndpoints
{
    public static void MapStudyEndpoints(this IEndpointRouteBuilder app)
    {
        // API callers get bare status codes, never the re-executed HTML "not found" page.
        var group = app.MapGroup("/api/studies").RequireAuthorization(IdentitySetup.ResearcherPolicy).WithMetadata(new SkipStatusCodePagesAttribute());
        group.MapGet("/", ListStudies);
        group.MapGet("/{studyId:guid}", GetStudy);
        group.MapPost("/", PostStudy);
        // The auth cookie is SameSite=Lax, so a cross-site form cannot post here with it; scripts have no antiforgery token.
        group.MapPost("/{studyId:guid}/faces", PostFace).DisableAntiforgery();
    }

    private static async Task<Ok<IReadOnlyList<StudySummary>>> ListStudies(HttpContext http, StudyQueries queries, CancellationToken ct) =>
        TypedResults.Ok(await queries.ListAsync(Actor.From(http.User), ct));

    private static async Task<Results<Ok<StudyDetails>, NotFound>> GetStudy(Guid studyId, HttpContext http, StudyQueries queries, CancellationToken ct) =>
        await queries.GetAsync(studyId, Actor.From(http.User), ct) is { } study ? TypedResults.Ok(study) : TypedResults.NotFound();

    private static async Task<Results<Created<CreatedStudy>, ValidationProblem>> PostStudy(
        CreateStudy.Command command, HttpContext http, CreateStudy.Handler handler, CancellationToken ct)
    {
        var results = new List<System.ComponentModel.DataAnnotations.ValidationResult>();
        if (!System.ComponentModel.DataAnnotations.Validator.TryValidateObject(command, new(command), results, validateAllProperties: true))
        {
            return TypedResults.ValidationProblem(results
                .SelectMany(r => r.MemberNames.DefaultIfEmpty("").Select(m => (Member: m, r.ErrorMessage)))
                .GroupBy(e => JsonName(e.Member))
                .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage ?? "invalid").ToArray()));
        }
        var id = await handler.HandleAsync(command, Actor.From(http.User), ct);
        return TypedResults.Created($"/api/studies/{id}", new CreatedStudy(id));
    }

    private static async Task<Results<Created<CreatedFace>, ValidationProblem, NotFound>> PostFace(
        Guid studyId, [FromForm] FaceUpload form, HttpContext http, UploadSourceFace.Handler handler, CancellationToken ct)
    {
        if (form.File is null)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = ["file is required: attach the photograph."] });
        byte[] data;
        await using (var stream = form.File.OpenReadStream())
        using (var buffer = new MemoryStream())
        {
            await stream.CopyToAsync(buffer, ct);
            data = buffer.ToArray();
        }
        var result = await handler.HandleAsync(
            new UploadSourceFace.Command(studyId, form.Label, form.Gender, form.Race, form.AgeGroup, form.File.FileName, data),
            Actor.From(http.User), ct);
        if (result.Succeeded)
            return TypedResults.Created($"/api/studies/{studyId}", new CreatedFace(result.FaceId!.Value));
        if (result.Errors.ContainsKey("study"))
            return TypedResults.NotFound();
        return TypedResults.ValidationProblem(result.Errors.ToDictionary(e => e.Key, e => new[] { e.Value }));
    }

    private static string JsonName(string member) => member.Length == 0 ? "" : char.ToLowerInvariant(member[0]) + member[1..];

    public sealed record CreatedStudy(Guid Id);
    public sealed record CreatedFace(Guid Id);

    public sealed class FaceUpload
    {
        public IFormFile? File { get; set; }
        public string? Label { get; set; }
        public string? Gender { get; set; }
        public string? Race { get; set; }
        public string? AgeGroup { get; set; }
    }
}
