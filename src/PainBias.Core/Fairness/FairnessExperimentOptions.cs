namespace PainBias.Core.Fairness;

public sealed record FairnessExperimentOptions
{
    public int Folds { get; init; } = 5;

    /// <summary>Folds of the inner cross-validation that picks λ on each outer training set (fewer when it has fewer faces).</summary>
    public int InnerFolds { get; init; } = 5;

    public ulong Seed { get; init; } = 1;

    public IReadOnlyList<double> Lambdas { get; init; } = RidgeRegression.DefaultLambdaGrid;

    /// <summary>Which counterpart an Average label is shared with; the reference study used the skin-tone pair.</summary>
    public PairType AverageWith { get; init; } = PairType.SkinTone;

    public BootstrapOptions Bootstrap { get; init; } = new();

    /// <summary>Test labels from outside the crowd (e.g. a clinician), by variant; test MSE then uses these instead of the crowd's.</summary>
    public IReadOnlyDictionary<Guid, double>? ExternalTestLabels { get; init; }

    public IReadOnlyList<FairnessCondition> Conditions { get; init; } = FairnessConditionExtensions.All;
}
