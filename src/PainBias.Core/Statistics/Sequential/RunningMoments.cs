namespace PainBias.Core.Statistics.Sequential;

/// <summary>Count, mean and sum of squared deviations updated one value at a time (Welford), for live data.</summary>
public sealed class RunningMoments
{
    private double _sumSquares;

    public int Count { get; private set; }

    public double Mean { get; private set; }

    /// <summary>Sample variance (n − 1 denominator); undefined below two values.</summary>
    public double? Variance => Count < 2 ? null : _sumSquares / (Count - 1);

    public void Add(double value)
    {
        Count++;
        var delta = value - Mean;
        Mean += delta / Count;
        _sumSquares += delta * (value - Mean);
    }
}
