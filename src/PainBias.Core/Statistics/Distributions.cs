using MathNet.Numerics;
using MathNet.Numerics.Distributions;

namespace PainBias.Core.Statistics;

/// <summary>Tail probabilities and quantiles with the conventions of R's pt, pnorm and qt.</summary>
public static class Distributions
{
    /// <summary>
    /// P(T ≤ t) for Student's t with <paramref name="df"/> degrees of freedom, the way R's pt computes it (nmath/pt.c): the
    /// two-sided tail P(|T| > |t|) from the regularized incomplete beta, then halved. MathNet's StudentT.CDF passes
    /// df/(df + t²) to the beta function, which loses the digits of 1 − that for small t²/df (a near-zero t with a million
    /// ratings came out 1e-9 off); here a small |t| goes through t²/(df + t²) instead. Above 4e5 df R switches to its
    /// normal approximation, and so does this.
    /// </summary>
    public static double StudentTLower(double t, double df)
    {
        if (double.IsNaN(t) || double.IsNaN(df)) return double.NaN;
        if (double.IsInfinity(t)) return t < 0 ? 0.0 : 1.0;
        if (double.IsPositiveInfinity(df)) return Normal.CDF(0.0, 1.0, t);
        if (df > 4e5)
        {
            var v = 1.0 / (4.0 * df);
            return Normal.CDF(0.0, 1.0, t * (1.0 - v) / Math.Sqrt(1.0 + t * t * 2.0 * v));
        }
        var t2 = t * t;
        // Where MathNet's continued fraction runs directly on its argument (no internal flip to 1 − x): |t| below about √3.
        var tail = t2 < 2.0
            ? 1.0 - SpecialFunctions.BetaRegularized(0.5, df / 2.0, t2 / (df + t2))
            : SpecialFunctions.BetaRegularized(df / 2.0, 0.5, df / (df + t2));
        return t <= 0 ? tail / 2.0 : 0.5 - tail / 2.0 + 0.5;
    }

    /// <summary>2·P(T ≤ −|t|); computed from the lower tail so tiny p-values keep their precision.</summary>
    public static double StudentTTwoSided(double t, double df) => Math.Min(1.0, 2.0 * StudentTLower(-Math.Abs(t), df));

    /// <summary>P(T ≥ t), as pt(t, df, lower.tail = FALSE).</summary>
    public static double StudentTUpper(double t, double df) => StudentTLower(-t, df);

    public static double NormalTwoSided(double z) => Math.Min(1.0, 2.0 * Normal.CDF(0.0, 1.0, -Math.Abs(z)));

    /// <summary>
    /// Quantile of Student's t to full double precision (the confidence limits need it): Newton steps on the CDF from a
    /// close start. For df ≥ 5 the start is the Cornish–Fisher expansion of the normal quantile (Abramowitz and Stegun
    /// 26.7.5), a few digits off, so two or three steps finish; for fewer df MathNet's root bracketing (about 1e-12)
    /// starts it. Bracketing every quantile made a dashboard refresh with thousands of per-face intervals slow.
    /// </summary>
    public static double StudentTQuantile(double p, double df)
    {
        var q = df >= 5 && p is > 1e-6 and < 1 - 1e-6 ? CornishFisher(p, df) : StudentT.InvCDF(0.0, 1.0, df, p);
        // Stops once a step is at the CDF's own rounding (about 1e-15 of q); more steps only jitter in the last bits.
        for (var i = 0; i < 6; i++)
        {
            var density = StudentT.PDF(0.0, 1.0, df, q);
            if (density <= 0) break;
            var step = (StudentTLower(q, df) - p) / density;
            q -= step;
            if (Math.Abs(step) <= 1e-15 * Math.Abs(q)) break;
        }
        return q;
    }

    private static double CornishFisher(double p, double df)
    {
        var z = Normal.InvCDF(0.0, 1.0, p);
        var (z2, z3) = (z * z, z * z * z);
        var (z5, z7, z9) = (z3 * z2, z3 * z2 * z2, z3 * z3 * z3);
        var g1 = (z3 + z) / 4;
        var g2 = (5 * z5 + 16 * z3 + 3 * z) / 96;
        var g3 = (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / 384;
        var g4 = (79 * z9 + 776 * z7 + 1482 * z5 - 1920 * z3 - 945 * z) / 92160;
        return z + g1 / df + g2 / (df * df) + g3 / (df * df * df) + g4 / (df * df * df * df);
    }
}
