using MathNet.Numerics.LinearAlgebra;
using PainBias.Core.Domain;

namespace PainBias.Core.Statistics;

/// <summary>
/// The fixed-effects design shared by the OLS and the mixed model: intercept, perceived_race B
/// (reference W) and perceived_age S (reference Y), with aliased columns detected as R's lm does.
/// </summary>
internal sealed class DesignMatrix
{
    public static readonly IReadOnlyList<string> CoefficientNames = ["intercept", "perceived_race_B", "perceived_age_S"];

    // R's lm() uses tol = 1e-7 in its pivoted QR; a column whose part not explained by the
    // earlier columns is below that fraction of its norm is aliased and gets an NA coefficient.
    private const double AliasTolerance = 1e-7;

    public Matrix<double> Full { get; }
    public Matrix<double> Kept { get; }
    public IReadOnlyList<int> KeptColumns { get; }
    public Vector<double> Response { get; }

    public DesignMatrix(IReadOnlyList<RatingObservation> rows)
    {
        Full = Matrix<double>.Build.Dense(rows.Count, 3, (i, j) => j switch
        {
            0 => 1.0,
            1 => rows[i].PerceivedRace == Race.B ? 1.0 : 0.0,
            _ => rows[i].PerceivedAge == AgeGroup.Senior ? 1.0 : 0.0,
        });
        Response = Vector<double>.Build.Dense(rows.Count, i => rows[i].Pspi);
        KeptColumns = FindKeptColumns(Full);
        Kept = Matrix<double>.Build.DenseOfColumnVectors(KeptColumns.Select(j => Full.Column(j)));
    }

    public int Rank => KeptColumns.Count;

    private static List<int> FindKeptColumns(Matrix<double> x)
    {
        var kept = new List<int>();
        var basis = new List<Vector<double>>();
        for (var j = 0; j < x.ColumnCount; j++)
        {
            var column = x.Column(j);
            var norm = column.L2Norm();
            var residual = column.Clone();
            foreach (var q in basis) residual -= q * q.DotProduct(residual);
            var rnorm = residual.L2Norm();
            if (norm == 0 || rnorm <= AliasTolerance * norm) continue;
            kept.Add(j);
            basis.Add(residual / rnorm);
        }
        return kept;
    }
}
