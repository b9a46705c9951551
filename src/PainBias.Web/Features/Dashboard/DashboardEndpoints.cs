using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using PainBias.Web.Hosting;

namespace PainBias.Web.Features.Dashboard;

public static class DashboardEndpoints
{
    public const int MinSide = 200;
    public const int MaxSide = 4000;

    /// <summary>Charts as SVG or PNG (<c>/api/studies/{id}/charts/{name}.svg?platform=MTurk&amp;sample=All</c>) and the results JSON.</summary>
    public static void MapDashboardEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/studies/{studyId:guid}")
            .RequireAuthorization(IdentitySetup.ResearcherPolicy)
            .WithMetadata(new SkipStatusCodePagesAttribute());
        group.MapGet("/charts/{name}.{format}", ChartAsync);
        group.MapGet("/export/results.json", async Task<Results<ContentHttpResult, NotFound>> (
            Guid studyId, HttpContext http, ResultsExport export, CancellationToken ct) =>
        {
            if (await export.JsonAsync(studyId, Actor.From(http.User), ct) is not { } json)
                return TypedResults.NotFound();
            // A download (the dashboard's button), not a page that replaces the dashboard.
            http.Response.Headers.ContentDisposition = $"attachment; filename=\"painbias-results-{studyId}.json\"";
            return TypedResults.Content(json, "application/json; charset=utf-8");
        });
    }

    private static async Task<Results<FileContentHttpResult, ContentHttpResult, ProblemHttpResult, NotFound>> ChartAsync(
        Guid studyId, string name, string format, string? platform, string? sample, int? width, int? height,
        HttpContext http, DashboardQueries queries, CancellationToken ct)
    {
        var errors = new List<string>();
        if (!ChartCatalog.Exists(name))
            errors.Add($"Unknown chart '{name}'; one of {string.Join(", ", ChartCatalog.Charts.Select(c => c.Name))}.");
        if (format is not ("svg" or "png"))
            errors.Add($"Unknown format '{format}'; svg or png.");
        if (!ChartCatalog.TryParseSample(sample, out var chosenSample))
            errors.Add($"Unknown sample '{sample}'; All, Female or Male.");
        var (w, h) = (width ?? 900, height ?? 520);
        if (w is < MinSide or > MaxSide || h is < MinSide or > MaxSide)
            errors.Add($"width and height must be {MinSide}..{MaxSide} pixels.");
        if (errors.Count > 0)
            return TypedResults.Problem(string.Join(" ", errors), statusCode: StatusCodes.Status400BadRequest, title: "Bad chart request");

        var view = await queries.GetAsync(studyId, Actor.From(http.User), null, ct);
        if (view is null)
            return TypedResults.NotFound();
        var results = platform is null ? view.Platforms.FirstOrDefault() : view.Platform(platform);
        if (results is null)
        {
            var known = view.Platforms.Count == 0 ? "none yet" : string.Join(", ", view.Platforms.Select(p => p.Platform));
            return TypedResults.Problem($"No included ratings on platform '{platform}'. Platforms with ratings: {known}.",
                statusCode: StatusCodes.Status404NotFound, title: "Nothing to plot");
        }

        var spec = ChartCatalog.Build(name, results.Platform, results.Sample(chosenSample));
        var file = $"{name}-{results.Platform}-{chosenSample}.{format}";
        http.Response.Headers.ContentDisposition = $"inline; filename=\"{file}\"";
        return format == "svg"
            ? TypedResults.Content(ChartRenderer.Svg(spec, w, h), "image/svg+xml; charset=utf-8")
            : TypedResults.File(ChartRenderer.Png(spec, w, h), "image/png");
    }
}
