namespace PainBias.Core.Statistics;

/// <summary>
/// Welch, pooled (Student) and paired t-tests that follow R's t.test.default step by step,
/// including where it stops: those cases come back as undefined results with R's message.
/// </summary>
public static class TTests
{
    private const double ConfidenceLevel = 0.95;

    /// <summary>R's .Machine$double.eps (not <see cref="double.Epsilon"/>, the smallest subnormal).</summary>
    private const double MachineEpsilon = 2.220446049250313e-16;

    public const string ZeroStandardError = "t statistic undefined (standard error is zero)";
    public const string EssentiallyConstant = "data are essentially constant";

    /// <summary>t.test(x, y, var.equal = FALSE): Welch–Satterthwaite degrees of freedom.</summary>
    public static TTestResult Welch(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        if (x.Count < 2) return TTestResult.Undefined("not enough 'x' observations");
        if (y.Count < 2) return TTestResult.Undefined("not enough 'y' observations");
        return Welch(x.Count, Descriptive.MeanOf(x), Descriptive.VarianceOf(x), y.Count, Descriptive.MeanOf(y), Descriptive.VarianceOf(y));
    }

    /// <summary>The Welch test from each group's count, sum and sum of squares (the dashboard's summaries).</summary>
    public static TTestResult Welch(IntegerMoments x, IntegerMoments y)
    {
        if (x.N < 2) return TTestResult.Undefined("not enough 'x' observations");
        if (y.N < 2) return TTestResult.Undefined("not enough 'y' observations");
        return Welch(x.N, x.MeanValue, x.VarianceValue, y.N, y.MeanValue, y.VarianceValue);
    }

    private static TTestResult Welch(long nx, double mx, double vx, long ny, double my, double vy)
    {
        var sx = vx / nx;
        var sy = vy / ny;
        var se = Math.Sqrt(sx + sy);
        var df = (sx + sy) * (sx + sy) / (sx * sx / (nx - 1) + sy * sy / (ny - 1));
        return Finish(mx, my, se, df, Math.Max(Math.Abs(mx), Math.Abs(my)));
    }

    /// <summary>t.test(x, y, var.equal = TRUE): pooled variance, df = n_x + n_y − 2.</summary>
    public static TTestResult Pooled(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        if (x.Count < 1) return TTestResult.Undefined("not enough 'x' observations");
        if (y.Count < 1) return TTestResult.Undefined("not enough 'y' observations");
        if (x.Count + y.Count < 3) return TTestResult.Undefined("not enough observations");
        return Pooled(x.Count, Descriptive.MeanOf(x), x.Count > 1 ? Descriptive.VarianceOf(x) : 0.0,
            y.Count, Descriptive.MeanOf(y), y.Count > 1 ? Descriptive.VarianceOf(y) : 0.0);
    }

    /// <summary>The pooled test from each group's count, sum and sum of squares.</summary>
    public static TTestResult Pooled(IntegerMoments x, IntegerMoments y)
    {
        if (x.N < 1) return TTestResult.Undefined("not enough 'x' observations");
        if (y.N < 1) return TTestResult.Undefined("not enough 'y' observations");
        if (x.N + y.N < 3) return TTestResult.Undefined("not enough observations");
        return Pooled(x.N, x.MeanValue, x.N > 1 ? x.VarianceValue : 0.0, y.N, y.MeanValue, y.N > 1 ? y.VarianceValue : 0.0);
    }

    private static TTestResult Pooled(long nx, double mx, double vx, long ny, double my, double vy)
    {
        var df = nx + ny - 2.0;
        // As R: a group of one contributes nothing to the pooled sum of squares.
        var v = 0.0;
        if (nx > 1) v += (nx - 1) * vx;
        if (ny > 1) v += (ny - 1) * vy;
        v /= df;
        var se = Math.Sqrt(v * (1.0 / nx + 1.0 / ny));
        return Finish(mx, my, se, df, Math.Max(Math.Abs(mx), Math.Abs(my)));
    }

    /// <summary>t.test(a, b, paired = TRUE): a one-sample test of the differences a − b.</summary>
    public static TTestResult Paired(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        if (a.Count != b.Count) throw new ArgumentException("Paired samples must have the same length.", nameof(b));
        var d = a.Zip(b, (u, v) => u - v).ToArray();
        if (d.Length < 2) return TTestResult.Undefined("not enough 'x' observations");
        var md = Descriptive.MeanOf(d);
        var se = Math.Sqrt(Descriptive.VarianceOf(d) / d.Length);
        return Finish(md, 0.0, se, d.Length - 1.0, Math.Abs(md));
    }

    private static TTestResult Finish(double mx, double my, double se, double df, double scale)
    {
        // R's test for "constant" data: the standard error is negligible next to the means.
        if (se < 10 * MachineEpsilon * scale)
            return TTestResult.Undefined(EssentiallyConstant);
        var t = (mx - my) / se;
        if (!double.IsFinite(t) || !double.IsFinite(df)) return TTestResult.Undefined(ZeroStandardError);
        var q = Distributions.StudentTQuantile(1 - (1 - ConfidenceLevel) / 2, df);
        return new TTestResult(
            T: t,
            Df: df,
            PTwoSided: Distributions.StudentTTwoSided(t, df),
            PGreater: Distributions.StudentTUpper(t, df),
            PLess: Distributions.StudentTLower(t, df),
            StandardError: se,
            Ci95Low: Descriptive.Finite((t - q) * se),
            Ci95High: Descriptive.Finite((t + q) * se),
            Error: null);
    }
}
