using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using PainBias.Web.Hosting;

namespace PainBias.Web.Features.Credamo;

public static class CredamoEndpoints
{
    public static void MapCredamoEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/studies/{studyId:guid}/credamo")
            .RequireAuthorization(IdentitySetup.ResearcherPolicy)
            .WithMetadata(new SkipStatusCodePagesAttribute());
        // Scripts post with the researcher's cookie (SameSite=Lax); the page uploads through its circuit instead.
        group.MapPost("/imports", Import).DisableAntiforgery();
        group.MapGet("/imports/{importId:guid}/approvals.csv", async Task<Results<FileContentHttpResult, NotFound>> (
            Guid studyId, Guid importId, HttpContext http, CredamoQueries queries, CancellationToken ct) =>
            await queries.ApprovalsAsync(studyId, importId, Actor.From(http.User), ct) is { } file
                ? TypedResults.File(file.Csv, "text/csv; charset=utf-8", file.FileName)
                : TypedResults.NotFound());
        group.MapGet("/imports/{importId:guid}/raw", async Task<Results<FileContentHttpResult, NotFound>> (
            Guid studyId, Guid importId, HttpContext http, CredamoQueries queries, CancellationToken ct) =>
            await queries.RawAsync(studyId, importId, Actor.From(http.User), ct) is { } raw
                ? TypedResults.File(raw.Blob.Data, "application/octet-stream", raw.FileName)
                : TypedResults.NotFound());
    }

    private static async Task<Results<Ok<CredamoImportSummary>, NotFound, ValidationProblem>> Import(
        Guid studyId, IFormFile? file, [FromForm] string? responseIdColumn, [FromForm] string? userIdColumn, [FromForm] string? codeColumn,
        HttpContext http, ImportCredamoResults.Handler handler, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = ["Attach the Credamo results export (CSV or XLSX) as 'file'."] });
        if (file.Length > ImportCredamoResults.MaxBytes)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = [$"The file is larger than {ImportCredamoResults.MaxBytes / 1024 / 1024} MB."] });
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        var result = await handler.HandleAsync(
            new ImportCredamoResults.Command(studyId, file.FileName, buffer.ToArray(), responseIdColumn, userIdColumn, codeColumn), Actor.From(http.User), ct);
        if (!result.StudyFound)
            return TypedResults.NotFound();
        return result.Summary is { } summary
            ? TypedResults.Ok(summary)
            : TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = [result.Error!] });
    }
}
