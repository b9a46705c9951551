using MathNet.Numerics.LinearAlgebra;

namespace PainBias.Core.Statistics;

/// <summary>
/// Ordinary least squares of PSPI on perceived race and age, with summary.lm inference and
/// CR1 cluster-robust covariances by assessor and by subject (sandwich::vcovCL, HC1, cadjust).
/// </summary>
public static class OlsRegression
{
    public static OlsResult Fit(IReadOnlyList<RatingObservation> rows)
    {
        var names = DesignMatrix.CoefficientNames;
        if (rows.Count == 0)
            return new OlsResult(0, names.Count, 0, null, null, [], null, null, "0 (non-NA) cases");

        var design = new DesignMatrix(rows);
        var x = design.Kept;
        var y = design.Response;
        var n = rows.Count;
        var p = design.Rank;
        var dfResidual = n - p;

        var qr = x.QR();
        var beta = qr.Solve(y);
        var rInverse = qr.R.SubMatrix(0, p, 0, p).Inverse();
        var xtxInverse = rInverse * rInverse.Transpose();
        var fitted = x * beta;
        var residuals = y - fitted;
        var rss = residuals.DotProduct(residuals);

        double? sigma = dfResidual > 0 ? Descriptive.Finite(Math.Sqrt(rss / dfResidual)) : null;
        var iid = new List<Coefficient>();
        for (var j = 0; j < names.Count; j++)
        {
            var k = IndexOfKept(design, j);
            if (k < 0) { iid.Add(new Coefficient(names[j], null, null, null, null)); continue; }
            double? se = sigma is { } s ? Descriptive.Finite(s * Math.Sqrt(xtxInverse[k, k])) : null;
            double? t = se is { } e ? Descriptive.Finite(beta[k] / e) : null;
            double? pv = t is { } tv ? Distributions.StudentTTwoSided(tv, dfResidual) : null;
            iid.Add(new Coefficient(names[j], beta[k], se, t, pv));
        }

        return new OlsResult(n, names.Count, dfResidual, sigma, RSquared(fitted, rss, p),
            iid,
            Cluster("assessor_id", rows.Select(r => r.AssessorId).ToList(), design, beta, residuals, xtxInverse),
            Cluster("subject_id", rows.Select(r => r.SubjectId).ToList(), design, beta, residuals, xtxInverse),
            null);
    }

    private static double? RSquared(Vector<double> fitted, double rss, int rank)
    {
        // summary.lm reports 0 for an intercept-only fit.
        if (rank == 1) return 0.0;
        var mean = Descriptive.MeanOf(fitted.ToArray());
        var mss = fitted.Sum(f => (f - mean) * (f - mean));
        return Descriptive.Finite(mss / (mss + rss));
    }

    private static int IndexOfKept(DesignMatrix design, int column)
    {
        for (var k = 0; k < design.KeptColumns.Count; k++)
            if (design.KeptColumns[k] == column) return k;
        return -1;
    }

    private static ClusterRobustResult Cluster(string clusterBy, IReadOnlyList<string> clusterIds, DesignMatrix design,
        Vector<double> beta, Vector<double> residuals, Matrix<double> bread)
    {
        var names = DesignMatrix.CoefficientNames;
        var groups = clusterIds.Select((id, i) => (id, i)).GroupBy(t => t.id, StringComparer.Ordinal).ToList();
        var g = groups.Count;
        if (g < 2)
            return new ClusterRobustResult(clusterBy, g, null, [], [], null, "fewer than 2 clusters");

        var n = clusterIds.Count;
        var p = design.Rank;
        var x = design.Kept;
        var keptNames = design.KeptColumns.Select(j => names[j]).ToList();
        // The factor reported uses K = number of model coefficients (as the reference script does);
        // the covariance itself uses the rank, as vcovCL drops aliased columns.
        double? reportedFactor = n > names.Count ? (double)g / (g - 1) * ((n - 1.0) / (n - names.Count)) : null;
        if (n - p <= 0)
        {
            var undefined = names.Select((name, j) => new ClusterCoefficient(name,
                IndexOfKept(design, j) is var k && k >= 0 ? beta[k] : null, null, null, null, null, null)).ToList();
            return new ClusterRobustResult(clusterBy, g, reportedFactor, undefined, keptNames, new double?[p, p],
                "no residual degrees of freedom (N = K)");
        }

        var meat = Matrix<double>.Build.Dense(p, p);
        foreach (var group in groups)
        {
            var score = Vector<double>.Build.Dense(p);
            foreach (var (_, i) in group)
                score += x.Row(i) * residuals[i];
            meat += score.OuterProduct(score);
        }
        var factor = (double)g / (g - 1) * ((n - 1.0) / (n - p));
        var v = bread * meat * bread * factor;

        var dfResidual = n - p;
        var coefficients = new List<ClusterCoefficient>();
        for (var j = 0; j < names.Count; j++)
        {
            var k = IndexOfKept(design, j);
            if (k < 0) { coefficients.Add(new ClusterCoefficient(names[j], null, null, null, null, null, null)); continue; }
            var se = Descriptive.Finite(Math.Sqrt(v[k, k]));
            double? t = se is { } s ? Descriptive.Finite(beta[k] / s) : null;
            coefficients.Add(new ClusterCoefficient(names[j], beta[k], se, t,
                t is { } t1 ? Distributions.StudentTTwoSided(t1, dfResidual) : null,
                t is { } t2 ? Distributions.NormalTwoSided(t2) : null,
                t is { } t3 ? Distributions.StudentTTwoSided(t3, g - 1) : null));
        }
        var vcov = new double?[p, p];
        for (var a = 0; a < p; a++)
            for (var b = 0; b < p; b++)
                vcov[a, b] = Descriptive.Finite(v[a, b]);
        return new ClusterRobustResult(clusterBy, g, reportedFactor, coefficients, keptNames, vcov, null);
    }
}
