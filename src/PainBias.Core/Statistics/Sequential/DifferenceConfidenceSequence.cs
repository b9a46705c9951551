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
    public ConfidenceSequenceResult Current()
    {
        if (_x.Count < 2 || _y.Count < 2)
            return Undefined($"needs at least 2 ratings in each group ({xLabel}: {_x.Count}, {yLabel}: {_y.Count})");
        var se = Math.Sqrt(_x.Variance!.Value / _x.Count + _y.Variance!.Value / _y.Count);
        if (!(se > 0.0) || !double.IsFinite(se))
            return Undefined("standard error is zero (both groups constant)");

        var half = se * AsymptoticConfidenceSequence.StandardErrorMultiplier(_x.Count + _y.Count, _rho, options.Alpha);
        var fixedN = se * Normal.InvCDF(0.0, 1.0, 1.0 - options.Alpha / 2.0);
        var reached = options.TargetHalfWidth is { } target && half <= target;
        return new(xLabel, yLabel, _x.Count, _y.Count, _x.Mean - _y.Mean, se, half, fixedN, reached, null);
    }

    private ConfidenceSequenceResult Undefined(string reason) =>
        new(xLabel, yLabel, _x.Count, _y.Count, null, null, null, null, false, reason);
}
