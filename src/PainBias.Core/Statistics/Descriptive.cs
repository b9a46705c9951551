namespace PainBias.Core.Statistics;

/// <summary>
/// Means and sample variances that are undefined (null) rather than NaN: a mean needs one value,
/// a variance or SD two (n − 1 denominator, as R's var and sd).
/// </summary>
public static class Descriptive
{
    public static double? Mean(IReadOnlyList<double> values) =>
        values.Count == 0 ? null : Finite(MeanOf(values));

    public static double? Variance(IReadOnlyList<double> values) =>
        values.Count < 2 ? null : Finite(VarianceOf(values));

    public static double? StandardDeviation(IReadOnlyList<double> values) =>
        Variance(values) is { } v ? Finite(Math.Sqrt(v)) : null;

    /// <summary>Null for NaN and ±∞, so no non-finite number leaves the engine.</summary>
    public static double? Finite(double value) => double.IsFinite(value) ? value : null;

    internal static double MeanOf(IReadOnlyList<double> values)
    {
        // Two passes like R's mean(): the correction term removes most of the rounding error
        // of the plain sum, which matters when comparing against R to 1e-9.
        var sum = 0.0;
        foreach (var v in values) sum += v;
        var mean = sum / values.Count;
        var correction = 0.0;
        foreach (var v in values) correction += v - mean;
        return mean + correction / values.Count;
    }

    internal static double VarianceOf(IReadOnlyList<double> values)
    {
        var mean = MeanOf(values);
        var ss = 0.0;
        foreach (var v in values) ss += (v - mean) * (v - mean);
        return ss / (values.Count - 1);
    }
}
