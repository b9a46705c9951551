namespace PainBias.Core.Fairness;

/// <summary>How far an experiment has got: fits done out of all (conditions × folds).</summary>
public sealed record FairnessProgress(int Done, int Total, FairnessCondition Condition, int Fold);
