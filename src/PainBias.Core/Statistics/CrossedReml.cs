using MathNet.Numerics.LinearAlgebra;

namespace PainBias.Core.Statistics;

/// <summary>
/// Profiled REML deviance of y = Xβ + Z₁b₁ + Z₂b₂ + ε with two crossed random intercepts, the way
/// lme4 parameterises it: b = σΛu, Λ = diag(θ₁I, θ₂I), so the deviance depends on θ only.
/// </summary>
/// <remarks>
/// With intercepts only, both diagonal blocks of Λ'Z'ZΛ + I are diagonal; eliminating the factor
/// with more levels leaves a dense Schur complement the size of the smaller factor, which makes an
/// evaluation cheap enough to optimise θ to a tight tolerance.
/// </remarks>
internal sealed class CrossedReml
{
    private readonly int[] _level1;
    private readonly int[] _level2;
    private readonly double[] _count1;
    private readonly double[] _count2;
    private readonly Matrix<double> _cross;   // counts of rows per (level1, level2)
    private readonly Matrix<double> _z1x;
    private readonly Matrix<double> _z2x;
    private readonly Vector<double> _z1y;
    private readonly Vector<double> _z2y;
    private readonly Matrix<double> _xtx;
    private readonly Vector<double> _xty;
    private readonly Matrix<double> _x;
    private readonly Vector<double> _y;

    /// <param name="level1">Level index of the smaller factor per row.</param>
    /// <param name="level2">Level index of the larger factor per row.</param>
    public CrossedReml(Matrix<double> x, Vector<double> y, int[] level1, int q1, int[] level2, int q2)
    {
        (_x, _y, _level1, _level2) = (x, y, level1, level2);
        var p = x.ColumnCount;
        _count1 = new double[q1];
        _count2 = new double[q2];
        _cross = Matrix<double>.Build.Dense(q1, q2);
        _z1x = Matrix<double>.Build.Dense(q1, p);
        _z2x = Matrix<double>.Build.Dense(q2, p);
        _z1y = Vector<double>.Build.Dense(q1);
        _z2y = Vector<double>.Build.Dense(q2);
        for (var i = 0; i < y.Count; i++)
        {
            var (a, b) = (level1[i], level2[i]);
            _count1[a]++;
            _count2[b]++;
            _cross[a, b] += 1;
            _z1y[a] += y[i];
            _z2y[b] += y[i];
            for (var j = 0; j < p; j++)
            {
                _z1x[a, j] += x[i, j];
                _z2x[b, j] += x[i, j];
            }
        }
        _xtx = x.TransposeThisAndMultiply(x);
        _xty = x.TransposeThisAndMultiply(y);
    }

    public int N => _y.Count;
    public int P => _x.ColumnCount;

    /// <summary>Everything lme4 reports at one θ.</summary>
    public sealed record Evaluation(double Deviance, Vector<double> Beta, Matrix<double> BetaCovariance, double Sigma2);

    public double Deviance(double theta1, double theta2) => Evaluate(theta1, theta2)?.Deviance ?? double.PositiveInfinity;

    public Evaluation? Evaluate(double theta1, double theta2)
    {
        if (theta1 < 0 || theta2 < 0 || !double.IsFinite(theta1) || !double.IsFinite(theta2)) return null;
        int q1 = _count1.Length, q2 = _count2.Length, p = P, n = N;

        // M = [[A, B], [B', D]] with A, D diagonal; S = A − B D⁻¹ B'.
        var dInv = new double[q2];
        var logDetM = 0.0;
        for (var k = 0; k < q2; k++)
        {
            var d = theta2 * theta2 * _count2[k] + 1.0;
            dInv[k] = 1.0 / d;
            logDetM += Math.Log(d);
        }
        var b = _cross * (theta1 * theta2);
        var bdInv = Matrix<double>.Build.Dense(q1, q2, (i, k) => b[i, k] * dInv[k]);
        var s = -(bdInv.TransposeAndMultiply(b));
        for (var i = 0; i < q1; i++) s[i, i] += theta1 * theta1 * _count1[i] + 1.0;
        var chol = s.Cholesky();
        for (var i = 0; i < q1; i++) logDetM += 2.0 * Math.Log(chol.Factor[i, i]);

        // Right-hand sides Λ'Z'[y X], solved with M by block elimination.
        var r1 = Matrix<double>.Build.Dense(q1, p + 1);
        var r2 = Matrix<double>.Build.Dense(q2, p + 1);
        r1.SetColumn(0, _z1y * theta1);
        r2.SetColumn(0, _z2y * theta2);
        r1.SetSubMatrix(0, 1, _z1x * theta1);
        r2.SetSubMatrix(0, 1, _z2x * theta2);
        var (m1, m2) = SolveM(chol, b, bdInv, dInv, r1, r2);

        // G = [c W]' M⁻¹ [c W]; the Schur complement of X'X gives RX'RX.
        var g = r1.TransposeThisAndMultiply(m1) + r2.TransposeThisAndMultiply(m2);
        var rxtrx = _xtx - g.SubMatrix(1, p, 1, p);
        var rhs = _xty - g.SubMatrix(1, p, 0, 1).Column(0);
        var cholX = rxtrx.Cholesky();
        var logDetRx = 0.0;
        for (var j = 0; j < p; j++) logDetRx += 2.0 * Math.Log(cholX.Factor[j, j]);
        var beta = cholX.Solve(rhs);

        // Spherical random effects u = M⁻¹(c − Wβ); penalised residual sum of squares.
        var c1 = r1.Column(0) - r1.SubMatrix(0, q1, 1, p) * beta;
        var c2 = r2.Column(0) - r2.SubMatrix(0, q2, 1, p) * beta;
        var (u1m, u2m) = SolveM(chol, b, bdInv, dInv, c1.ToColumnMatrix(), c2.ToColumnMatrix());
        var u1 = u1m.Column(0);
        var u2 = u2m.Column(0);
        var fitted = _x * beta;
        var pwrss = u1.DotProduct(u1) + u2.DotProduct(u2);
        for (var i = 0; i < n; i++)
        {
            var e = _y[i] - fitted[i] - theta1 * u1[_level1[i]] - theta2 * u2[_level2[i]];
            pwrss += e * e;
        }

        var dfReml = n - p;
        var deviance = logDetM + logDetRx + dfReml * (1.0 + Math.Log(2.0 * Math.PI * pwrss / dfReml));
        var sigma2 = pwrss / dfReml;
        return new Evaluation(deviance, beta, cholX.Solve(Matrix<double>.Build.DenseIdentity(p)) * sigma2, sigma2);
    }

    private static (Matrix<double>, Matrix<double>) SolveM(MathNet.Numerics.LinearAlgebra.Factorization.Cholesky<double> chol,
        Matrix<double> b, Matrix<double> bdInv, double[] dInv, Matrix<double> r1, Matrix<double> r2)
    {
        var x1 = chol.Solve(r1 - bdInv * r2);
        var t = r2 - b.TransposeThisAndMultiply(x1);
        var x2 = Matrix<double>.Build.Dense(t.RowCount, t.ColumnCount, (k, j) => t[k, j] * dInv[k]);
        return (x1, x2);
    }
}
