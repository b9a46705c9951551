namespace PainBias.Core.Statistics.Sequential;

/// <summary>
/// The normal-mixture boundary of the asymptotic confidence sequence (AsympCS) of Waudby-Smith, Arbour,
/// Sinha, Kennedy and Ramdas, "Time-uniform central limit theory and asymptotic confidence sequences"
/// (arXiv:2103.06476, 2021; Annals of Statistics 2024), section 2 (the Gaussian-mixture AsympCS). For a mean estimated by
/// μ̂ₜ from t observations with sample SD σ̂ₜ,
/// <code>
///   μ̂ₜ ± σ̂ₜ · sqrt( 2(tρ² + 1) / (t²ρ²) · log( sqrt(tρ² + 1) / α ) )
/// </code>
/// covers the mean at all times t simultaneously with probability ≥ 1 − α asymptotically, so a researcher
/// may look after every rating and stop whenever they like. Written as a multiple of the fixed-n
/// standard error σ̂ₜ/√t, the half-width is <c>SE · m(t)</c> with
/// <code>
///   m(t) = sqrt( 2(tρ² + 1) / (tρ²) · log( sqrt(tρ² + 1) / α ) ),
/// </code>
/// which exceeds the fixed-n z quantile at every t (the price of peeking) and grows like
/// sqrt(log t). ρ > 0 sets the time at which the boundary is tightest; the paper's choice for a
/// target sample size t* is ρ = sqrt( (−2 log α + log(−2 log α + 1)) / t* ).
/// </summary>
public static class AsymptoticConfidenceSequence
{
    /// <summary>The mixture parameter ρ that makes the boundary tightest at <paramref name="targetSampleSize"/>.</summary>
    public static double Rho(double alpha, int targetSampleSize)
    {
        ValidateAlpha(alpha);
        if (targetSampleSize < 1)
            throw new ArgumentOutOfRangeException(nameof(targetSampleSize), targetSampleSize, "The target sample size must be at least 1.");
        var l = -2.0 * Math.Log(alpha);
        return Math.Sqrt((l + Math.Log(l + 1.0)) / targetSampleSize);
    }

    /// <summary>m(t): the half-width of the sequence at time t in units of the fixed-n standard error.</summary>
    public static double StandardErrorMultiplier(int t, double rho, double alpha)
    {
        ValidateAlpha(alpha);
        if (t < 1) throw new ArgumentOutOfRangeException(nameof(t), t, "The sequence starts at t = 1.");
        if (!(rho > 0.0)) throw new ArgumentOutOfRangeException(nameof(rho), rho, "ρ must be positive.");
        var tr2 = t * rho * rho;
        return Math.Sqrt(2.0 * (tr2 + 1.0) / tr2 * Math.Log(Math.Sqrt(tr2 + 1.0) / alpha));
    }

    private static void ValidateAlpha(double alpha)
    {
        if (!(alpha is > 0.0 and < 1.0))
            throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "α must lie strictly between 0 and 1.");
    }
}
