namespace PainBias.Core.Fairness;

/// <summary>One row of the Table-7-style result. MSE and RMSE are means over the outer folds (as the reference study reports them).</summary>
public sealed record FairnessConditionResult(
    FairnessCondition Condition,
    string Name,
    double TrainMse,
    double TrainRmse,
    double TestMse,
    double TestRmse,
    int TestLabelled,
    IndividualFairness SkinTone,
    IndividualFairness Age,
    IndividualFairness Both,
    GroupDifference BlackMinusWhite,
    GroupDifference SeniorMinusYoung,
    IReadOnlyList<double> LambdaPerFold,
    IReadOnlyList<ImagePrediction> Predictions);

/// <summary>A whole experiment: the rows, and what it ran on.</summary>
public sealed record FairnessExperimentResult(
    int Images,
    int Faces,
    int Features,
    int Folds,
    ulong Seed,
    PairType AverageWith,
    string TestLabels,
    IReadOnlyList<FairnessConditionResult> Rows,
    IReadOnlyDictionary<Guid, int> FoldOfFace);
