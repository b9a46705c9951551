using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using PainBias.Web.Hosting;

namespace PainBias.Web.Features.Exports;

public static class ExportEndpoints
{
    public static void MapExportEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/studies/{studyId:guid}/export")
            .RequireAuthorization(IdentitySetup.ResearcherPolicy)
            .WithMetadata(new SkipStatusCodePagesAttribute());
        group.MapGet("/ratings.csv", async Task<Results<FileContentHttpResult, NotFound>> (
            Guid studyId, HttpContext http, ExportRatings export, CancellationToken ct) =>
            await export.CsvAsync(studyId, Actor.From(http.User), ct) is { } csv
                ? TypedResults.File(csv, "text/csv; charset=utf-8", $"ratings-{studyId}.csv")
                : TypedResults.NotFound());
        group.MapGet("/codebook.md", () => TypedResults.Text(Codebook.Markdown(), "text/markdown; charset=utf-8"));
    }
}
