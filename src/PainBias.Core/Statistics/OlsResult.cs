namespace PainBias.Core.Statistics;

/// <summary>One coefficient of summary.lm; all null when the coefficient is aliased (NA in R).</summary>
public sealed record Coefficient(string Name, double? Estimate, double? Se, double? T, double? P);

/// <summary>A coefficient under cluster-robust SEs, with p from t(df_residual), the normal and t(G − 1).</summary>
public sealed record ClusterCoefficient(string Name, double? Estimate, double? Se, double? T, double? P, double? PNormal, double? PTGMinus1);

/// <summary>
/// CR1 (Stata-style, sandwich::vcovCL type HC1) covariance for one clustering. When there are
/// fewer than two clusters only <see cref="NClusters"/> and <see cref="Error"/> are meaningful.
/// </summary>
public sealed record ClusterRobustResult(
    string ClusterBy,
    int NClusters,
    double? SmallSampleFactor,
    IReadOnlyList<ClusterCoefficient> Coefficients,
    IReadOnlyList<string> VcovNames,
    double?[,]? Vcov,
    string? Error);

/// <summary>
/// lm(pspi ~ perceived_race + perceived_age) with iid and cluster-robust inference.
/// <see cref="Error"/> is set only when no model can be fitted at all (no rows).
/// </summary>
public sealed record OlsResult(
    int N,
    int K,
    int DfResidual,
    double? Sigma,
    double? RSquared,
    IReadOnlyList<Coefficient> Iid,
    ClusterRobustResult? ClusterAssessor,
    ClusterRobustResult? ClusterSubject,
    string? Error)
{
    public const string Formula = "pspi ~ perceived_race + perceived_age";
}
