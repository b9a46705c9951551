using System.Globalization;
using PainBias.Core.Domain;
using SkiaSharp;

namespace PainBias.Web.Features.Quality;

/// <summary>
/// Keypoint drift by condition, drawn like the reference study's Figure 7: one box per condition (quartiles, median,
/// whiskers to the extremes) with every variant as a point over it — failing variants in red — and the drift limit
/// as a dashed line. Drawn once with SkiaSharp onto its SVG canvas or a raster surface, so both downloads match.
/// </summary>
public static class DriftPlot
{
    public sealed record Point(Condition Condition, double Drift, bool Passed);

    public static readonly SKColor BoxFill = new(0xBB, 0xDE, 0xFB);
    public static readonly SKColor PassColour = new(0x15, 0x65, 0xC0);
    public static readonly SKColor FailColour = new(0xD3, 0x2F, 0x2F);

    private const float Height = 380, Left = 64, Right = 24, Top = 56, Bottom = 56, GroupWidth = 150, MinPlotWidth = 450;

    public static float Width(int groups) => Left + Right + Math.Max(MinPlotWidth, GroupWidth * groups);

    private static float Slot(int groups) => (Width(groups) - Left - Right) / Math.Max(1, groups);

    public static string Svg(IReadOnlyList<Point> points, double limit)
    {
        using var stream = new MemoryStream();
        using (var managed = new SKManagedWStream(stream))
        using (var canvas = SKSvgCanvas.Create(SKRect.Create(Width(Groups(points).Count), Height), managed))
        {
            Draw(canvas, points, limit);
        }
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    public static byte[] Png(IReadOnlyList<Point> points, double limit, float scale = 2)
    {
        var info = new SKImageInfo((int)(Width(Groups(points).Count) * scale), (int)(Height * scale));
        using var surface = SKSurface.Create(info);
        surface.Canvas.Scale(scale);
        Draw(surface.Canvas, points, limit);
        using var image = surface.Snapshot();
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        return png.ToArray();
    }

    /// <summary>Linear interpolation between order statistics (R's type 7, the default of R and NumPy); <paramref name="sorted"/> ascending.</summary>
    public static double Quantile(IReadOnlyList<double> sorted, double p)
    {
        var h = (sorted.Count - 1) * p;
        var lo = (int)Math.Floor(h);
        var hi = Math.Min(lo + 1, sorted.Count - 1);
        return sorted[lo] + ((h - lo) * (sorted[hi] - sorted[lo]));
    }

    private static List<IGrouping<Condition, Point>> Groups(IReadOnlyList<Point> points) =>
        [.. points.GroupBy(p => p.Condition).OrderBy(g => g.Key)];

    private static void Draw(SKCanvas canvas, IReadOnlyList<Point> points, double limit)
    {
        var groups = Groups(points);
        var width = Width(groups.Count);
        canvas.Clear(SKColors.White);
        var top = Math.Max(limit * 1.25, points.Count == 0 ? 0 : points.Max(p => p.Drift) * 1.1);
        top = NiceCeiling(top <= 0 ? 0.1 : top);
        float Y(double drift) => (float)(Height - Bottom - ((Height - Top - Bottom) * Math.Clamp(drift / top, 0, 1)));

        using var text = new SKFont(SKTypeface.Default, 12);
        using var ink = new SKPaint { Color = new SKColor(0x33, 0x33, 0x33), IsAntialias = true };
        using var grid = new SKPaint { Color = new SKColor(0xE0, 0xE0, 0xE0), StrokeWidth = 1, Style = SKPaintStyle.Stroke };
        canvas.DrawText("Keypoint drift by condition (inter-ocular distances)", Left, 20, SKTextAlign.Left, text, ink);
        for (var i = 0; i <= 4; i++)
        {
            var value = top * i / 4;
            canvas.DrawLine(Left, Y(value), width - Right, Y(value), grid);
            canvas.DrawText(value.ToString("0.###", CultureInfo.InvariantCulture), Left - 8, Y(value) + 4, SKTextAlign.Right, text, ink);
        }

        using var limitPaint = new SKPaint { Color = FailColour, StrokeWidth = 1.5f, Style = SKPaintStyle.Stroke, PathEffect = SKPathEffect.CreateDash([6, 4], 0), IsAntialias = true };
        canvas.DrawLine(Left, Y(limit), width - Right, Y(limit), limitPaint);
        using var limitInk = new SKPaint { Color = FailColour, IsAntialias = true };
        // The legend sits above the plot, where no box or point can cover it.
        canvas.DrawText($"dashed line: limit {limit.ToString("0.###", CultureInfo.InvariantCulture)} · red points: failing variants", Left, 38, SKTextAlign.Left, text, limitInk);

        for (var g = 0; g < groups.Count; g++)
            DrawGroup(canvas, groups[g], Left + (Slot(groups.Count) * (g + 0.5f)), Y, text, ink);

        using var axis = new SKPaint { Color = new SKColor(0x33, 0x33, 0x33), StrokeWidth = 1, Style = SKPaintStyle.Stroke };
        canvas.DrawLine(Left, Top, Left, Height - Bottom, axis);
        canvas.DrawLine(Left, Height - Bottom, width - Right, Height - Bottom, axis);
        if (groups.Count == 0)
            canvas.DrawText("No checked variants yet", width / 2, Height / 2, SKTextAlign.Center, text, ink);
    }

    private static void DrawGroup(SKCanvas canvas, IGrouping<Condition, Point> group, float centre, Func<double, float> y, SKFont text, SKPaint ink)
    {
        var drifts = group.Select(p => p.Drift).Order().ToList();
        var (q1, median, q3) = (Quantile(drifts, 0.25), Quantile(drifts, 0.5), Quantile(drifts, 0.75));
        const float half = 36;
        using var stroke = new SKPaint { Color = PassColour, StrokeWidth = 1.5f, Style = SKPaintStyle.Stroke, IsAntialias = true };
        using var fill = new SKPaint { Color = BoxFill, Style = SKPaintStyle.Fill };
        canvas.DrawLine(centre, y(drifts[0]), centre, y(q1), stroke);
        canvas.DrawLine(centre, y(q3), centre, y(drifts[^1]), stroke);
        // A group with no spread (one variant, or equal drifts) still gets a visible box.
        var box = new SKRect(centre - half, Math.Min(y(q3), y(q1) - 2), centre + half, y(q1));
        canvas.DrawRect(box, fill);
        canvas.DrawRect(box, stroke);
        using var medianPaint = new SKPaint { Color = PassColour, StrokeWidth = 3, Style = SKPaintStyle.Stroke };
        canvas.DrawLine(centre - half, y(median), centre + half, y(median), medianPaint);

        using var pass = new SKPaint { Color = PassColour.WithAlpha(0xB0), IsAntialias = true };
        using var fail = new SKPaint { Color = FailColour, IsAntialias = true };
        var i = 0;
        foreach (var point in group.OrderBy(p => p.Drift))
        {
            // Deterministic jitter (a golden-ratio sequence) spreads equal values without making the figure random.
            var jitter = (float)((((i++ * 0.618034) % 1) - 0.5) * half * 1.4);
            canvas.DrawCircle(centre + jitter, y(point.Drift), point.Passed ? 3.5f : 4.5f, point.Passed ? pass : fail);
        }

        canvas.DrawText($"{group.Key.Code()} (n={drifts.Count})", centre, Height - Bottom + 20, SKTextAlign.Center, text, ink);
    }

    /// <summary>Rounds up to 1, 2 or 5 × 10^k, so the axis ticks are round numbers.</summary>
    private static double NiceCeiling(double value)
    {
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(value)));
        foreach (var step in new[] { 1.0, 2, 2.5, 5, 10 })
        {
            if (step * magnitude >= value - 1e-12)
                return step * magnitude;
        }
        return 10 * magnitude;
    }
}
