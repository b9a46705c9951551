namespace PainBias.Core.Fairness;

/// <summary>
/// Percentile bootstrap that resamples source faces with replacement, since the variants of one face are not
/// independent. Each face contributes a vector of sums; the statistic is computed from the resample's totals.
/// </summary>
internal static class FaceBootstrap
{
    public static (double? Lower, double? Upper) Interval(
        IReadOnlyList<double[]> perFace, Func<double[], double?> statistic, BootstrapOptions options)
    {
        if (perFace.Count < 2) return (null, null);
        var random = new SplitMix64(options.Seed);
        var width = perFace[0].Length;
        var draws = new List<double>(options.Resamples);
        var totals = new double[width];
        for (var b = 0; b < options.Resamples; b++)
        {
            Array.Clear(totals);
            for (var i = 0; i < perFace.Count; i++)
            {
                var face = perFace[random.NextInt(perFace.Count)];
                for (var k = 0; k < width; k++) totals[k] += face[k];
            }

            if (statistic(totals) is { } s) draws.Add(s);
        }

        if (draws.Count == 0) return (null, null);
        draws.Sort();
        var alpha = (1 - options.Level) / 2;
        return (Quantile(draws, alpha), Quantile(draws, 1 - alpha));
    }

    /// <summary>R's default (type 7) quantile of sorted values.</summary>
    internal static double Quantile(IReadOnlyList<double> sorted, double p)
    {
        var h = (sorted.Count - 1) * p;
        var lo = (int)Math.Floor(h);
        var hi = Math.Min(lo + 1, sorted.Count - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
