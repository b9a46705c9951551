namespace PainBias.Core.Statistics;

/// <summary>Count, mean, sample SD and variance of one group; mean needs n ≥ 1, SD and variance n ≥ 2.</summary>
public sealed record GroupSummary(string Label, int N, double? Mean, double? Sd, double? Variance)
{
    public static GroupSummary Of(string label, IReadOnlyList<double> values) =>
        new(label, values.Count, Descriptive.Mean(values), Descriptive.StandardDeviation(values), Descriptive.Variance(values));

    /// <summary>The same from the group's count, sum and sum of squares.</summary>
    public static GroupSummary Of(string label, IntegerMoments m) =>
        new(label, checked((int)m.N), m.Mean, m.StandardDeviation, m.Variance);

    /// <summary>mean(x) − mean(y), or null when either group is empty.</summary>
    public static double? Difference(IntegerMoments x, IntegerMoments y) =>
        x.N > 0 && y.N > 0 ? Descriptive.Finite(x.MeanValue - y.MeanValue) : null;

    /// <summary>mean(x) − mean(y), or null when either group is empty.</summary>
    public static double? Difference(IReadOnlyList<double> x, IReadOnlyList<double> y) =>
        x.Count > 0 && y.Count > 0 ? Descriptive.Finite(Descriptive.MeanOf(x) - Descriptive.MeanOf(y)) : null;
}
