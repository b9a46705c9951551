namespace PainBias.Web.Features.Quality;

/// <summary>The report's measured variants as plot points (pending and unmeasurable variants have no drift to show).</summary>
public static class QualityPlotData
{
    public static IReadOnlyList<DriftPlot.Point> Points(QualityReport report) =>
        [.. report.Variants.Where(v => v.Drift is not null).Select(v => new DriftPlot.Point(v.Condition, v.Drift!.Value, v.Status == VariantQuality.Pass))];
}
