namespace PainBias.Core.Statistics;

/// <summary>A fixed effect of the mixed model; lme4 gives no p-value, so only the normal approximation.</summary>
public sealed record FixedEffect(string Name, double? Estimate, double? Se, double? T, double? PNormal);

/// <summary>Variance and SD of one random-effect term, or of the residual.</summary>
public sealed record VarianceComponent(string Group, double? Variance, double? Sd);

/// <summary>Relative SD (random-effect SD / residual SD) of one grouping factor, as lme4's theta.</summary>
public sealed record ThetaValue(string Group, double Value);

/// <summary>
/// lmer(pspi ~ perceived_race + perceived_age + (1 | subject_id) + (1 | assessor_id), REML = TRUE).
/// When the model cannot be fitted (e.g. a single subject) every estimate is absent and
/// <see cref="Error"/> gives lme4's reason.
/// </summary>
public sealed record MixedModelResult(
    int N,
    int NSubject,
    int NAssessor,
    bool IsSingular,
    IReadOnlyList<string> Messages,
    IReadOnlyList<FixedEffect> Fixed,
    IReadOnlyList<VarianceComponent> VarianceComponents,
    IReadOnlyList<ThetaValue> Theta,
    double? RemlCriterion,
    double? LogLikReml,
    int Evaluations,
    string? Error)
{
    public const string Formula = "pspi ~ perceived_race + perceived_age + (1 | subject_id) + (1 | assessor_id)";

    public const string Optimizer = "Nelder-Mead on the profiled REML deviance, theta >= 0, then Newton polish";

    public static MixedModelResult Failed(int n, int nSubject, int nAssessor, string error) =>
        new(n, nSubject, nAssessor, false, [], [], [], [], null, null, 0, error);
}
