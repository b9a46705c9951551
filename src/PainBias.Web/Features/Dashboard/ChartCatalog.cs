using PainBias.Core.Statistics;

namespace PainBias.Web.Features.Dashboard;

/// <summary>The dashboard's charts by name, each built from one platform × sample's results.</summary>
public static class ChartCatalog
{
    public static readonly IReadOnlyList<(string Name, string Title)> Charts =
    [
        ("condition-means", "Mean PSPI by condition"),
        ("cell-means", "Mean PSPI by perceived race and age"),
        ("race-by-face", "Black − white difference per source face"),
        ("age-by-face", "Senior − young difference per source face"),
    ];

    public static bool Exists(string name) => Charts.Any(c => c.Name == name);

    public static ChartSpec Build(string name, string platform, SampleResults results)
    {
        var suffix = $" — {platform}, {results.Sample} (n = {results.NRatings})";
        return name switch
        {
            "condition-means" => new ChartSpec("Mean PSPI by condition" + suffix, "Condition", "Mean PSPI (95% CI)", ChartKind.Bars,
                [.. results.ConditionMeans.Select(Point)]),
            "cell-means" => new ChartSpec("Mean PSPI by perceived race and age" + suffix, "Perceived race × age", "Mean PSPI (95% CI)",
                ChartKind.Bars, [.. results.CellMeans.Select(Point)]),
            "race-by-face" => new ChartSpec("Black − white per source face" + suffix, "Source face", "PSPI difference B − W (95% CI)",
                ChartKind.Dots, [.. results.RaceByFace.Select(Point)]),
            "age-by-face" => new ChartSpec("Senior − young per source face" + suffix, "Source face", "PSPI difference S − Y (95% CI)",
                ChartKind.Dots, [.. results.AgeByFace.Select(Point)]),
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, $"Unknown chart; one of {string.Join(", ", Charts.Select(c => c.Name))}."),
        };
    }

    private static ChartPoint Point(MeanInterval m) => new($"{m.Label} (n={m.N})", m.Mean, m.Low, m.High);

    private static ChartPoint Point(FaceDifference f) => new(f.Face, f.Difference, f.Low, f.High);

    /// <summary>Parses "All", "Female" or "Male" (any case).</summary>
    public static bool TryParseSample(string? value, out Sample sample) =>
        Enum.TryParse(value ?? "All", ignoreCase: true, out sample) && Enum.IsDefined(sample);
}
