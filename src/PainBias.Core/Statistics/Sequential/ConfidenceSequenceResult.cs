namespace PainBias.Core.Statistics.Sequential;

/// <summary>
/// A peeking-safe interval for mean(x) − mean(y) at one look. Every number is null when the interval is
/// undefined, with <see cref="Error"/> saying why.
/// </summary>
/// <param name="XLabel">Label of x (B for race, S for age).</param>
/// <param name="YLabel">Label of y (W for race, Y for age).</param>
/// <param name="NX">Values in x so far.</param>
/// <param name="NY">Values in y so far.</param>
/// <param name="Difference">mean(x) − mean(y).</param>
/// <param name="StandardError">Welch standard error sqrt(var_x/n_x + var_y/n_y).</param>
/// <param name="HalfWidth">Half-width of the confidence sequence at this look.</param>
/// <param name="FixedNHalfWidth">Half-width of the ordinary (normal) interval, valid only for a single look.</param>
/// <param name="TargetPrecisionReached">True when a target half-width is set and the sequence is that narrow.</param>
public sealed record ConfidenceSequenceResult(
    string XLabel,
    string YLabel,
    int NX,
    int NY,
    double? Difference,
    double? StandardError,
    double? HalfWidth,
    double? FixedNHalfWidth,
    bool TargetPrecisionReached,
    string? Error)
{
    public double? Low => Difference - HalfWidth;

    public double? High => Difference + HalfWidth;

    public bool Covers(double value) => Low <= value && value <= High;
}
