using System.Xml.Linq;
using PainBias.Core.Domain;
using PainBias.Web.Features.Quality;
using SkiaSharp;

namespace PainBias.Web.Tests.Quality;

public class DriftPlotTests
{
    private static readonly DriftPlot.Point[] Points =
    [
        new(Condition.SkinTone, 0.010, true),
        new(Condition.SkinTone, 0.020, true),
        new(Condition.SkinTone, 0.031, true),
        new(Condition.SkinToneAge, 0.040, true),
        new(Condition.SkinToneAge, 0.120, false),
    ];

    private static XElement[] Elements(string svg) => [.. XDocument.Parse(svg).Descendants()];

    private static string Colour(SKColor c) => $"rgb({c.Red},{c.Green},{c.Blue})";

    private static bool Filled(XElement e, SKColor colour) =>
        (string?)e.Attribute("fill") is { } fill && (fill.Equals(Colour(colour), StringComparison.OrdinalIgnoreCase) || fill.Equals($"#{colour.Red:X2}{colour.Green:X2}{colour.Blue:X2}", StringComparison.OrdinalIgnoreCase));

    [Fact]
    public void One_box_per_condition_present_and_failing_variants_in_red()
    {
        var svg = DriftPlot.Svg(Points, 0.05);
        var elements = Elements(svg);

        var boxes = elements.Where(e => e.Name.LocalName == "rect" && Filled(e, DriftPlot.BoxFill)).ToList();
        var failing = elements.Where(e => e.Name.LocalName is "circle" or "ellipse" && Filled(e, DriftPlot.FailColour)).ToList();
        var passing = elements.Where(e => e.Name.LocalName is "circle" or "ellipse" && Filled(e, DriftPlot.PassColour)).ToList();

        Assert.Equal(2, boxes.Count);
        Assert.Single(failing);
        Assert.Equal(4, passing.Count);
        Assert.Contains("skin (n=3)", svg);
        Assert.Contains("skin_age (n=2)", svg);
        Assert.DoesNotContain("age (n=", svg.Replace("skin_age (n=", ""));
        Assert.Contains("limit 0.05", svg);
    }

    [Fact]
    public void Three_conditions_give_three_boxes_and_the_png_has_the_same_layout()
    {
        var points = Points.Append(new DriftPlot.Point(Condition.Age, 0.03, true)).ToArray();

        var boxes = Elements(DriftPlot.Svg(points, 0.05)).Count(e => e.Name.LocalName == "rect" && Filled(e, DriftPlot.BoxFill));
        using var png = SKBitmap.Decode(DriftPlot.Png(points, 0.05, scale: 1));

        Assert.Equal(3, boxes);
        Assert.Equal((int)DriftPlot.Width(3), png.Width);
        Assert.Equal(380, png.Height);
        Assert.Contains(png.Pixels, p => p == DriftPlot.BoxFill);
        Assert.Contains(png.Pixels, p => p == DriftPlot.FailColour);
    }

    [Fact]
    public void Quantiles_follow_r_type_7()
    {
        double[] values = [1, 2, 3, 4, 10];

        Assert.Equal(3, DriftPlot.Quantile(values, 0.5));
        Assert.Equal(2, DriftPlot.Quantile(values, 0.25));
        Assert.Equal(4, DriftPlot.Quantile(values, 0.75));
        Assert.Equal(2.5, DriftPlot.Quantile([1, 2, 3, 4], 0.5));
    }
}
