using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using PainBias.Jobs.Quality;
using PainBias.Web.Features.Studies;
using PainBias.Web.Hosting;

namespace PainBias.Web.Features.Quality;

/// <summary>
/// The quality report as JSON, the drift plot as SVG and PNG, queuing a check run, and the study's check models
/// (multipart upload of <c>model</c> (.onnx) and <c>manifest</c> (JSON file or text field); delete by id).
/// </summary>
public static class QualityEndpoints
{
    public static IServiceCollection AddQualityReports(this IServiceCollection services)
    {
        services.AddScoped<QualityQueries>();
        services.AddScoped<RunQualityChecks>();
        services.AddScoped<UploadQualityModel.Handler>();
        return services;
    }

    public static void MapQualityEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/studies/{studyId:guid}/quality")
            .RequireAuthorization(IdentitySetup.ResearcherPolicy)
            .WithMetadata(new SkipStatusCodePagesAttribute());
        group.MapGet("/", async Task<Results<Ok<QualityReport>, NotFound>> (Guid studyId, HttpContext http, QualityQueries queries, CancellationToken ct) =>
            await queries.GetAsync(studyId, Actor.From(http.User), ct) is { } report ? TypedResults.Ok(report) : TypedResults.NotFound());
        group.MapGet("/drift.svg", (Guid studyId, HttpContext http, QualityQueries queries, CancellationToken ct) =>
            PlotAsync(studyId, http, queries, "svg", ct));
        group.MapGet("/drift.png", (Guid studyId, HttpContext http, QualityQueries queries, CancellationToken ct) =>
            PlotAsync(studyId, http, queries, "png", ct));
        // Scripts have no antiforgery token; the auth cookie is SameSite=Lax, so other sites cannot post with it.
        group.MapPost("/run", async Task<Results<Accepted<QueuedRun>, NotFound>> (Guid studyId, HttpContext http, RunQualityChecks run, CancellationToken ct) =>
            await run.EnqueueAsync(studyId, Actor.From(http.User), ct) is { } job
                ? TypedResults.Accepted($"/api/studies/{studyId}/quality", new QueuedRun(job))
                : TypedResults.NotFound()).DisableAntiforgery();
        group.MapPost("/models", PostModel).DisableAntiforgery();
        group.MapDelete("/models/{modelId:guid}", async Task<Results<NoContent, NotFound>> (Guid studyId, Guid modelId, HttpContext http, UploadQualityModel.Handler handler, CancellationToken ct) =>
            await handler.RemoveAsync(studyId, modelId, Actor.From(http.User), ct) ? TypedResults.NoContent() : TypedResults.NotFound());
    }

    private static async Task<Results<FileContentHttpResult, NotFound>> PlotAsync(Guid studyId, HttpContext http, QualityQueries queries, string format, CancellationToken ct)
    {
        if (await queries.GetAsync(studyId, Actor.From(http.User), ct) is not { } report)
            return TypedResults.NotFound();
        var points = QualityPlotData.Points(report);
        return format == "svg"
            ? TypedResults.File(System.Text.Encoding.UTF8.GetBytes(DriftPlot.Svg(points, report.MaxDrift)), "image/svg+xml", $"drift-{studyId}.svg")
            : TypedResults.File(DriftPlot.Png(points, report.MaxDrift), "image/png", $"drift-{studyId}.png");
    }

    private static async Task<Results<Created<CreatedModel>, ValidationProblem, NotFound>> PostModel(
        Guid studyId, HttpContext http, UploadQualityModel.Handler handler, IOptions<QualityOptions> options, CancellationToken ct)
    {
        var (upload, problem) = await ModelUploadForm.ReadAsync(http, options.Value.MaxModelBytes, ct);
        if (upload is null)
            return Problem(problem!);

        var result = await handler.HandleAsync(new UploadQualityModel.Command(studyId, upload.Manifest, upload.FileName, upload.Model), Actor.From(http.User), ct);
        if (!result.StudyFound)
            return TypedResults.NotFound();
        return result.Succeeded
            ? TypedResults.Created($"/api/studies/{studyId}/quality", new CreatedModel(result.ModelId!.Value))
            : TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["model"] = [.. result.Problems] }, title: "The check model was not added.");
    }

    private static ValidationProblem Problem(string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["model"] = [message] });

    public sealed record QueuedRun(string JobId);

    public sealed record CreatedModel(Guid Id);
}
