using MathNet.Numerics.Distributions;

namespace PainBias.Core.Statistics.Sequential;

/// <summary>
/// Always-valid confidence sequence for a difference of two means, fed one rating at a time (race B − W,
/// age S − Y). The difference in means is the mean of its estimated influence function, whose variance
/// over t = n_x + n_y ratings gives the Welch standard error SE = sqrt(σ̂²ₓ/nₓ + σ̂²ᵧ/nᵧ); the
/// sequence is therefore
/// <code>
///   (x̄ − ȳ) ± SE · m(t),   m(t) = sqrt( 2(tρ² + 1) / (tρ²) · log( sqrt(tρ² + 1) / α ) )
/// </code>
/// with the boundary of <see cref="AsymptoticConfidenceSequence"/> (Waudby-Smith et al. 2021/2024,
/// and its use for treatment effects through estimated influence functions). Assumptions, as for the Welch test: ratings are
/// independent and each falls into x or y with a stable probability (balanced allocation does this).
/// Ratings of one face or one assessor are correlated in practice, so treat it as the live companion
/// of the Welch test, not of the clustered models.
/// </summary>
public sealed class DifferenceConfidenceSequence(string xLabel, string yLabel, SequentialOptions options)
{
    private readonly RunningMoments _x = new();
    private readonly RunningMoments _y = new();
    private readonly double _rho = options.Rho;

    public void AddX(double value) => _x.Add(value);

    public void AddY(double value) => _y.Add(value);

    /// <summary>The interval after the ratings added so far; safe to look at after every rating.</summary>
    public ConfidenceSequenceResult Current() =>
        At(xLabel, yLabel, options, _rho, _x.Count, _x.Mean, _x.Variance, _y.Count, _y.Mean, _y.Variance);

    /// <summary>
    /// The interval at the current look from each group's count, sum and sum of squares. The sequence's value at a look
    /// depends only on the ratings so far, not on their order, so maintained sums give the same interval.
    /// </summary>
    public static ConfidenceSequenceResult At(string xLabel, string yLabel, SequentialOptions options, IntegerMoments x, IntegerMoments y) =>
        At(xLabel, yLabel, options, options.Rho, checked((int)x.N), x.Mean ?? 0.0, x.Variance, checked((int)y.N), y.Mean ?? 0.0, y.Variance);

    private static ConfidenceSequenceResult At(string xLabel, string yLabel, SequentialOptions options, double rho,
        int nx, double mx, double? vx, int ny, double my, double? vy)
    {
        if (nx < 2 || ny < 2)
            return Undefined($"needs at least 2 ratings in each group ({xLabel}: {nx}, {yLabel}: {ny})");
        var se = Math.Sqrt(vx!.Value / nx + vy!.Value / ny);
        if (!(se > 0.0) || !double.IsFinite(se))
            return Undefined("standard error is zero (both groups constant)");

        var half = se * AsymptoticConfidenceSequence.StandardErrorMultiplier(nx + ny, rho, options.Alpha);
        var fixedN = se * Normal.InvCDF(0.0, 1.0, 1.0 - options.Alpha / 2.0);
        var reached = options.TargetHalfWidth is { } target && half <= target;
        return new(xLabel, yLabel, nx, ny, mx - my, se, half, fixedN, reached, null);

        ConfidenceSequenceResult Undefined(string reason) => new(xLabel, yLabel, nx, ny, null, null, null, null, false, reason);
    }
}
