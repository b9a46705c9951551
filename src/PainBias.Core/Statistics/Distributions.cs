using MathNet.Numerics.Distributions;

namespace PainBias.Core.Statistics;

/// <summary>Tail probabilities and quantiles with the conventions of R's pt, pnorm and qt.</summary>
public static class Distributions
{
    /// <summary>P(T ≤ t) for Student's t with <paramref name="df"/> degrees of freedom.</summary>
    public static double StudentTLower(double t, double df) => StudentT.CDF(0.0, 1.0, df, t);

    /// <summary>2·P(T ≤ −|t|); computed from the lower tail so tiny p-values keep their precision.</summary>
    public static double StudentTTwoSided(double t, double df) => Math.Min(1.0, 2.0 * StudentTLower(-Math.Abs(t), df));

    /// <summary>P(T ≥ t), as pt(t, df, lower.tail = FALSE).</summary>
    public static double StudentTUpper(double t, double df) => StudentTLower(-t, df);

    public static double NormalTwoSided(double z) => Math.Min(1.0, 2.0 * Normal.CDF(0.0, 1.0, -Math.Abs(z)));

    /// <summary>
    /// Quantile of Student's t. MathNet finds it by root bracketing to about 1e-12; a few Newton
    /// steps on the CDF bring it to full double precision, which the confidence limits need.
    /// </summary>
    public static double StudentTQuantile(double p, double df)
    {
        var q = StudentT.InvCDF(0.0, 1.0, df, p);
        for (var i = 0; i < 4; i++)
        {
            var density = StudentT.PDF(0.0, 1.0, df, q);
            if (density <= 0) break;
            var step = (StudentTLower(q, df) - p) / density;
            q -= step;
            if (Math.Abs(step) <= 1e-16 * Math.Abs(q)) break;
        }
        return q;
    }
}
