using MathNet.Numerics.LinearAlgebra;

namespace PainBias.Core.Fairness;

/// <summary>
/// Ridge regression: minimises Σ(y − b₀ − zβ)² + λ‖β‖² over standardised features z, with b₀ unpenalised. Solved
/// through one symmetric eigendecomposition of the smaller Gram matrix (ZZᵀ when there are fewer images than
/// features, ZᵀZ otherwise), so a whole grid of penalties costs one decomposition.
/// </summary>
public static class RidgeRegression
{
    /// <summary>Half-decades from 10⁻⁴ to 10⁶ (features are standardised, so ZᵀZ is about n times a correlation matrix).</summary>
    public static IReadOnlyList<double> DefaultLambdaGrid { get; } =
        Enumerable.Range(0, 21).Select(i => Math.Pow(10, -4 + 0.5 * i)).ToArray();

    public static RidgeModel Fit(IReadOnlyList<IReadOnlyList<double>> x, IReadOnlyList<double> y, double lambda) =>
        new Path(x, y).Model(lambda);

    /// <summary>
    /// Chooses λ from <paramref name="lambdas"/> by cross-validation grouped by <paramref name="groups"/> (pooled
    /// held-out squared error; ties go to the larger λ), then fits on all rows.
    /// </summary>
    public static (RidgeModel Model, IReadOnlyList<double> CvMse) FitCrossValidated(
        IReadOnlyList<IReadOnlyList<double>> x, IReadOnlyList<double> y, IReadOnlyList<Guid> groups,
        IReadOnlyList<double> lambdas, int folds, ulong seed)
    {
        if (lambdas.Count == 0) throw new ArgumentException("The penalty grid is empty.", nameof(lambdas));
        var k = Math.Min(folds, groups.Distinct().Count());
        if (k < 2)
            throw new FairnessDataException("Choosing the ridge penalty needs training images from at least 2 source faces.");
        var cv = GroupedFolds.Assign(groups, k, seed);
        var sse = new double[lambdas.Count];
        for (var f = 0; f < k; f++)
        {
            var train = Enumerable.Range(0, y.Count).Where(i => cv.FoldOf(groups[i]) != f).ToList();
            var held = Enumerable.Range(0, y.Count).Where(i => cv.FoldOf(groups[i]) == f).ToList();
            var path = new Path(train.Select(i => x[i]).ToList(), train.Select(i => y[i]).ToList());
            var predictions = path.Predict(held.Select(i => x[i]).ToList(), lambdas);
            for (var l = 0; l < lambdas.Count; l++)
            for (var h = 0; h < held.Count; h++)
            {
                var e = predictions[l][h] - y[held[h]];
                sse[l] += e * e;
            }
        }

        var best = 0;
        for (var l = 1; l < lambdas.Count; l++)
            if (sse[l] < sse[best] || (sse[l] == sse[best] && lambdas[l] > lambdas[best])) best = l;
        return (Fit(x, y, lambdas[best]), sse.Select(s => s / y.Count).ToArray());
    }

    /// <summary>The standardised training data and its decomposition; any λ then costs a few matrix-vector products.</summary>
    private sealed class Path
    {
        private readonly double[] _means;
        private readonly double[] _scales;
        private readonly double _intercept;
        private readonly Matrix<double> _z;
        private readonly Matrix<double> _vectors;
        private readonly double[] _values;
        private readonly Vector<double> _projected;
        private readonly bool _dual;

        public Path(IReadOnlyList<IReadOnlyList<double>> x, IReadOnlyList<double> y)
        {
            var n = y.Count;
            if (n < 2 || x.Count != n) throw new ArgumentException("Ridge needs at least 2 rows with one label each.");
            var p = x[0].Count;
            _means = new double[p];
            _scales = new double[p];
            for (var j = 0; j < p; j++)
            {
                var mean = 0.0;
                for (var i = 0; i < n; i++) mean += x[i][j];
                mean /= n;
                var ss = 0.0;
                for (var i = 0; i < n; i++) ss += (x[i][j] - mean) * (x[i][j] - mean);
                var sd = Math.Sqrt(ss / (n - 1));
                _means[j] = mean;
                _scales[j] = sd > 1e-12 * (1 + Math.Abs(mean)) ? sd : 1.0;
            }

            _z = Matrix<double>.Build.Dense(n, p, (i, j) => (x[i][j] - _means[j]) / _scales[j]);
            _intercept = y.Average();
            var yc = Vector<double>.Build.Dense(n, i => y[i] - _intercept);
            _dual = n <= p;
            var gram = _dual ? _z * _z.Transpose() : _z.TransposeThisAndMultiply(_z);
            var evd = gram.Evd(Symmetricity.Symmetric);
            _vectors = evd.EigenVectors;
            // Rounding leaves the null space's eigenvalues a hair below zero; they are zero.
            _values = evd.EigenValues.Select(v => Math.Max(v.Real, 0)).ToArray();
            _projected = _dual ? _vectors.TransposeThisAndMultiply(yc) : _vectors.TransposeThisAndMultiply(_z.TransposeThisAndMultiply(yc));
        }

        public RidgeModel Model(double lambda)
        {
            if (!(lambda > 0) || !double.IsFinite(lambda)) throw new ArgumentOutOfRangeException(nameof(lambda), lambda, "λ must be positive.");
            return new RidgeModel(_intercept, Beta(lambda).ToArray(), _means, _scales, lambda);
        }

        public double[][] Predict(IReadOnlyList<IReadOnlyList<double>> rows, IReadOnlyList<double> lambdas) =>
            lambdas.Select(l => { var m = Model(l); return rows.Select(m.Predict).ToArray(); }).ToArray();

        private Vector<double> Beta(double lambda)
        {
            var scaled = Vector<double>.Build.Dense(_values.Length, i => _projected[i] / (_values[i] + lambda));
            // Dual: β = Zᵀ U (E + λI)⁻¹ Uᵀ y; primal: β = V (E + λI)⁻¹ Vᵀ Zᵀ y.
            return _dual ? _z.TransposeThisAndMultiply(_vectors * scaled) : _vectors * scaled;
        }
    }
}
