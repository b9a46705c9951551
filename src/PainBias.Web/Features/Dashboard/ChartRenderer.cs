using ScottPlot;

namespace PainBias.Web.Features.Dashboard;

/// <summary>
/// Draws a <see cref="ChartSpec"/> once with ScottPlot (on our SkiaSharp) and writes it as SVG (vector, for papers) or
/// PNG: one drawing, two outputs.
/// </summary>
public static class ChartRenderer
{
    /// <summary>Bar fill; the tests look for it in the SVG and the PNG.</summary>
    public const string BarColor = "#4C72B0";

    public const string DotColor = "#C44E52";

    public static string Svg(ChartSpec spec, int width, int height) => Draw(spec).GetSvgXml(width, height);

    public static byte[] Png(ChartSpec spec, int width, int height) => Draw(spec).GetImageBytes(width, height, ImageFormat.Png);

    private static Plot Draw(ChartSpec spec)
    {
        var plot = new Plot();
        plot.Title(spec.Title);
        plot.XLabel(spec.XLabel);
        plot.YLabel(spec.YLabel);
        var points = spec.Kind == ChartKind.Dots
            ? [.. spec.Points.OrderBy(p => p.Value ?? double.MaxValue)]
            : spec.Points.ToList();
        var positions = Enumerable.Range(0, points.Count).Select(i => (double)i).ToArray();
        var defined = points.Select((p, i) => (Point: p, X: positions[i])).Where(p => p.Point.Value is not null).ToList();

        if (spec.Kind == ChartKind.Bars)
        {
            var bars = defined.Select(p => new Bar
            {
                Position = p.X, Value = p.Point.Value!.Value, FillColor = Color.FromHex(BarColor), LineWidth = 0,
            }).ToList();
            plot.Add.Bars(bars);
        }
        else
        {
            plot.Add.HorizontalLine(0, 1, Colors.Gray, LinePattern.Dashed);
        }

        var withInterval = defined.Where(p => p.Point.Low is not null && p.Point.High is not null).ToList();
        if (withInterval.Count > 0)
        {
            var errors = new ScottPlot.Plottables.ErrorBar(
                [.. withInterval.Select(p => p.X)], [.. withInterval.Select(p => p.Point.Value!.Value)], null, null,
                [.. withInterval.Select(p => p.Point.High!.Value - p.Point.Value!.Value)],
                [.. withInterval.Select(p => p.Point.Value!.Value - p.Point.Low!.Value)])
            {
                LineColor = Colors.Black, LineWidth = 1.5f, CapSize = 6,
            };
            plot.Add.Plottable(errors);
        }

        if (spec.Kind == ChartKind.Dots && defined.Count > 0)
        {
            // After the error bars, so the dots sit on top of them.
            plot.Add.Markers(defined.Select(p => p.X).ToArray(), defined.Select(p => p.Point.Value!.Value).ToArray(), MarkerShape.FilledCircle, 7,
                Color.FromHex(DotColor));
        }

        plot.Axes.Bottom.SetTicks(positions, [.. points.Select(p => p.Value is null ? $"{p.Label} (n/a)" : p.Label)]);
        if (points.Count > 8)
        {
            // Many faces: vertical labels so they do not overlap.
            plot.Axes.Bottom.TickLabelStyle.Rotation = -90;
            plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleRight;
            plot.Axes.Bottom.MinimumSize = 90;
        }
        SetLimits(plot, spec.Kind, points);
        return plot;
    }

    // Explicit limits: every group keeps its place (an undefined one too), and no interval is cut at the edge.
    private static void SetLimits(Plot plot, ChartKind kind, IReadOnlyList<ChartPoint> points)
    {
        var values = points.SelectMany(p => new[] { p.Value, p.Low, p.High }).OfType<double>().Where(double.IsFinite).ToList();
        var low = kind == ChartKind.Bars ? 0 : Math.Min(0, values.DefaultIfEmpty(0).Min());
        var high = Math.Max(kind == ChartKind.Bars ? 1 : 0, values.DefaultIfEmpty(1).Max());
        var pad = (high - low) * 0.06 + 0.01;
        plot.Axes.SetLimits(-0.6, Math.Max(points.Count, 1) - 0.4, kind == ChartKind.Bars ? 0 : low - pad, high + pad);
    }
}
