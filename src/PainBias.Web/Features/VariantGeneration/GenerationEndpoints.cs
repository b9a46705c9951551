using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using PainBias.Jobs.Generation;
using PainBias.Jobs.Quality;
using PainBias.Web.Features.Studies;
using PainBias.Web.Hosting;

namespace PainBias.Web.Features.VariantGeneration;

/// <summary>
/// A study's ONNX editors (multipart <c>model</c> + <c>manifest</c>, checked against each other on upload; delete by id),
/// starting a generation run (JSON <see cref="GenerationRequest"/>), and the variants with provenance and recent runs.
/// </summary>
public static class GenerationEndpoints
{
    public static IServiceCollection AddVariantGenerationFeature(this IServiceCollection services)
    {
        services.AddScoped<UploadVariantEditor.Handler>();
        services.AddScoped<StartGeneration.Handler>();
        services.AddScoped<GenerationQueries>();
        return services;
    }

    public static void MapVariantGenerationEndpoints(this IEndpointRouteBuilder app)
    {
        var study = app.MapGroup("/api/studies/{studyId:guid}")
            .RequireAuthorization(IdentitySetup.ResearcherPolicy)
            .WithMetadata(new SkipStatusCodePagesAttribute());
        study.MapGet("/variants", async Task<Results<Ok<GenerationView>, NotFound>> (Guid studyId, HttpContext http, GenerationQueries queries, CancellationToken ct) =>
            await queries.GetAsync(studyId, Actor.From(http.User), ct) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound());
        // Scripts have no antiforgery token; the auth cookie is SameSite=Lax, so other sites cannot post with it.
        study.MapPost("/variants/generate", async Task<Results<Accepted<QueuedRun>, ValidationProblem, NotFound>> (
            Guid studyId, GenerationRequest request, HttpContext http, StartGeneration.Handler handler, CancellationToken ct) =>
        {
            var result = await handler.HandleAsync(studyId, request, Actor.From(http.User), ct);
            if (!result.StudyFound)
                return TypedResults.NotFound();
            return result.Succeeded
                ? TypedResults.Accepted($"/api/studies/{studyId}/variants", new QueuedRun(result.RunId!.Value))
                : TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["request"] = [.. result.Problems] }, title: "Nothing was queued.");
        }).DisableAntiforgery();
        study.MapPost("/editors", PostEditor).DisableAntiforgery();
        study.MapDelete("/editors/{editorId:guid}", async Task<Results<NoContent, NotFound>> (Guid studyId, Guid editorId, HttpContext http, UploadVariantEditor.Handler handler, CancellationToken ct) =>
            await handler.RemoveAsync(studyId, editorId, Actor.From(http.User), ct) ? TypedResults.NoContent() : TypedResults.NotFound());
    }

    private static async Task<Results<Created<CreatedEditor>, ValidationProblem, NotFound>> PostEditor(
        Guid studyId, HttpContext http, UploadVariantEditor.Handler handler, IOptions<QualityOptions> options, CancellationToken ct)
    {
        var (upload, problem) = await ModelUploadForm.ReadAsync(http, options.Value.MaxModelBytes, ct);
        if (upload is null)
            return Problem(problem!);

        var result = await handler.HandleAsync(new UploadVariantEditor.Command(studyId, upload.Manifest, upload.FileName, upload.Model), Actor.From(http.User), ct);
        if (!result.StudyFound)
            return TypedResults.NotFound();
        return result.Succeeded
            ? TypedResults.Created($"/api/studies/{studyId}/variants", new CreatedEditor(result.EditorId!.Value))
            : TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["model"] = [.. result.Problems] }, title: "The editor was not added.");
    }

    private static ValidationProblem Problem(string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["model"] = [message] });

    public sealed record QueuedRun(Guid RunId);

    public sealed record CreatedEditor(Guid Id);
}
