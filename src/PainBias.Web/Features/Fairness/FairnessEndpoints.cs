using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using PainBias.Core.Fairness;
using PainBias.Jobs.Fairness;
using PainBias.Jobs.Quality;
using PainBias.Web.Features.Studies;
using PainBias.Web.Hosting;

namespace PainBias.Web.Features.Fairness;

/// <summary>
/// Fairness runs and audits for scripts: start a run (multipart or form: <c>folds</c>, <c>seed</c>, optional <c>labels</c>
/// CSV file), read it, export its table as CSV or its whole result as JSON; start an audit (multipart <c>model</c> and
/// <c>manifest</c>) and read its report.
/// </summary>
public static class FairnessEndpoints
{
    public static IServiceCollection AddFairnessFeature(this IServiceCollection services)
    {
        services.AddScoped<FairnessQueries>();
        services.AddScoped<StartFairnessRun.Handler>();
        services.AddScoped<StartFairnessAudit.Handler>();
        return services;
    }

    public static void MapFairnessEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/studies/{studyId:guid}/fairness")
            .RequireAuthorization(IdentitySetup.ResearcherPolicy)
            .WithMetadata(new SkipStatusCodePagesAttribute());
        group.MapGet("/", async Task<Results<Ok<FairnessOverview>, NotFound>> (Guid studyId, HttpContext http, FairnessQueries queries, CancellationToken ct) =>
            await queries.GetAsync(studyId, Actor.From(http.User), ct) is { } overview ? TypedResults.Ok(overview) : TypedResults.NotFound());
        // Scripts have no antiforgery token; the auth cookie is SameSite=Lax, so other sites cannot post with it.
        group.MapPost("/runs", PostRun).DisableAntiforgery();
        group.MapGet("/runs/{runId:guid}", async Task<Results<Ok<FairnessRunView>, NotFound>> (Guid studyId, Guid runId, HttpContext http, FairnessQueries queries, CancellationToken ct) =>
            await queries.GetRunAsync(studyId, runId, Actor.From(http.User), ct) is { } run ? TypedResults.Ok(run) : TypedResults.NotFound());
        group.MapGet("/runs/{runId:guid}/table.csv", async Task<Results<FileContentHttpResult, NotFound, Conflict<string>>> (Guid studyId, Guid runId, HttpContext http, FairnessQueries queries, CancellationToken ct) =>
            await queries.GetRunAsync(studyId, runId, Actor.From(http.User), ct) is not { } run ? TypedResults.NotFound()
            : run.Result is null ? TypedResults.Conflict($"The run is {run.Status}; only a finished run has a table.")
            : TypedResults.File(System.Text.Encoding.UTF8.GetBytes(FairnessTable.ToCsv(run.Result)), "text/csv", $"fairness-{runId}.csv"));
        group.MapGet("/runs/{runId:guid}/result.json", async Task<Results<FileContentHttpResult, NotFound, Conflict<string>>> (Guid studyId, Guid runId, HttpContext http, FairnessQueries queries, CancellationToken ct) =>
            await queries.GetRunAsync(studyId, runId, Actor.From(http.User), ct) is not { } run ? TypedResults.NotFound()
            : run.Result is null ? TypedResults.Conflict($"The run is {run.Status}; only a finished run has a result.")
            : TypedResults.File(JsonSerializer.SerializeToUtf8Bytes(run.Result, FairnessJson.Options), "application/json", $"fairness-{runId}.json"));
        group.MapPost("/audits", PostAudit).DisableAntiforgery();
        group.MapGet("/audits/{auditId:guid}", async Task<Results<Ok<FairnessAuditView>, NotFound>> (Guid studyId, Guid auditId, HttpContext http, FairnessQueries queries, CancellationToken ct) =>
            await queries.GetAuditAsync(studyId, auditId, Actor.From(http.User), ct) is { } audit ? TypedResults.Ok(audit) : TypedResults.NotFound());
    }

    private static async Task<Results<Accepted<Started>, ValidationProblem, NotFound>> PostRun(Guid studyId, HttpContext http, StartFairnessRun.Handler handler, CancellationToken ct)
    {
        int folds = 5;
        long seed = 1;
        byte[]? labels = null;
        string? labelsName = null;
        if (http.Request.HasFormContentType)
        {
            var form = await http.Request.ReadFormAsync(ct);
            if (form["folds"].ToString() is { Length: > 0 } f && !int.TryParse(f, out folds))
                return Problem("folds", $"folds must be a whole number (got \"{f}\").");
            if (form["seed"].ToString() is { Length: > 0 } s && !long.TryParse(s, out seed))
                return Problem("seed", $"seed must be a whole number (got \"{s}\").");
            if (form.Files.GetFile("labels") is { } file)
            {
                using var buffer = new MemoryStream();
                await using (var stream = file.OpenReadStream())
                    await stream.CopyToAsync(buffer, ct);
                (labels, labelsName) = (buffer.ToArray(), file.FileName);
            }
        }

        var result = await handler.HandleAsync(new StartFairnessRun.Command(studyId, folds, seed, labels, labelsName), Actor.From(http.User), ct);
        if (!result.StudyFound) return TypedResults.NotFound();
        return result.Succeeded
            ? TypedResults.Accepted($"/api/studies/{studyId}/fairness/runs/{result.RunId}", new Started(result.RunId!.Value))
            : TypedResults.ValidationProblem(new Dictionary<string, string[]> { [labels is null ? "run" : "labels"] = [.. result.Problems] }, title: "The experiment was not started.");
    }

    private static async Task<Results<Accepted<Started>, ValidationProblem, NotFound>> PostAudit(
        Guid studyId, HttpContext http, StartFairnessAudit.Handler handler, IOptions<QualityOptions> options, CancellationToken ct)
    {
        var (upload, problem) = await ModelUploadForm.ReadAsync(http, options.Value.MaxModelBytes, ct);
        if (upload is null)
            return Problem("model", problem!);
        var result = await handler.HandleAsync(new StartFairnessAudit.Command(studyId, upload.Manifest, upload.FileName, upload.Model), Actor.From(http.User), ct);
        if (!result.StudyFound) return TypedResults.NotFound();
        return result.Succeeded
            ? TypedResults.Accepted($"/api/studies/{studyId}/fairness/audits/{result.AuditId}", new Started(result.AuditId!.Value))
            : TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["model"] = [.. result.Problems] }, title: "The audit was not started.");
    }

    private static ValidationProblem Problem(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });

    public sealed record Started(Guid Id);
}
