namespace PainBias.Core.Statistics;

/// <summary>
/// Count, sum and sum of squares of integer data (PSPI, AU intensities): the sufficient statistics of a group's mean and
/// variance, exact in 64-bit integers and additive, so groups that are unions of smaller ones (variants of a condition,
/// faces of a sample) are summed instead of recounted. The variance is formed as (nΣx² − (Σx)²) / (n(n − 1)) with the
/// numerator in integers, so the only rounding is the final division: as close to R's two-pass var() as doubles allow.
/// </summary>
public readonly record struct IntegerMoments(long N, long Sum, long SumOfSquares)
{
    public static readonly IntegerMoments Empty = new(0, 0, 0);

    public static IntegerMoments Of(IEnumerable<int> values)
    {
        var m = Empty;
        foreach (var v in values)
            m = m.Add(v);
        return m;
    }

    public IntegerMoments Add(int value) => new(N + 1, Sum + value, SumOfSquares + (long)value * value);

    public static IntegerMoments operator +(IntegerMoments a, IntegerMoments b) => new(a.N + b.N, a.Sum + b.Sum, a.SumOfSquares + b.SumOfSquares);

    public static IntegerMoments Total(IEnumerable<IntegerMoments> parts)
    {
        var total = Empty;
        foreach (var p in parts)
            total += p;
        return total;
    }

    /// <summary>Σx / n; null for an empty group.</summary>
    public double? Mean => N == 0 ? null : (double)Sum / N;

    /// <summary>Sample variance (n − 1 denominator, as R's var); null below two values.</summary>
    public double? Variance => N < 2 ? null : VarianceValue;

    public double? StandardDeviation => Variance is { } v ? Math.Sqrt(v) : null;

    internal double MeanValue => (double)Sum / N;

    internal double VarianceValue
    {
        get
        {
            // Int128: n·Σx² overflows 64 bits only far beyond any study, but the check costs nothing.
            var numerator = (Int128)N * SumOfSquares - (Int128)Sum * Sum;
            return (double)numerator / ((double)N * (N - 1));
        }
    }
}
