namespace PainBias.Core.Statistics;

/// <summary>Count, mean, sample SD and variance of one group; mean needs n ≥ 1, SD and variance n ≥ 2.</summary>
public sealed record GroupSummary(string Label, int N, double? Mean, double? Sd, double? Variance)
{
    public static GroupSummary Of(string label, IReadOnlyList<double> values) =>
        new(label, values.Count, Descriptive.Mean(values), Descriptive.StandardDeviation(values), Descriptive.Variance(values));

    /// <summary>mean(x) − mean(y), or null when either group is empty.</summary>
    public static double? Difference(IReadOnlyList<double> x, IReadOnlyList<double> y) =>
        x.Count > 0 && y.Count > 0 ? Descriptive.Finite(Descriptive.MeanOf(x) - Descriptive.MeanOf(y)) : null;
}
