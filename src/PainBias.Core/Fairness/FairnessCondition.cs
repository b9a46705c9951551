namespace PainBias.Core.Fairness;

/// <summary>
/// The reference study's training conditions: labels Original or Average, and Auto adds perceived race, perceived age
/// and gender as extra learnable inputs.
/// </summary>
public enum FairnessCondition { Original, Average, Auto, AverageAuto }

public static class FairnessConditionExtensions
{
    public static IReadOnlyList<FairnessCondition> All { get; } =
        [FairnessCondition.Original, FairnessCondition.Average, FairnessCondition.Auto, FairnessCondition.AverageAuto];

    public static LabelKind Labels(this FairnessCondition condition) =>
        condition is FairnessCondition.Average or FairnessCondition.AverageAuto ? LabelKind.Average : LabelKind.Original;

    public static bool UsesAttributes(this FairnessCondition condition) =>
        condition is FairnessCondition.Auto or FairnessCondition.AverageAuto;

    /// <summary>The row name of the reference study's Table 7.</summary>
    public static string DisplayName(this FairnessCondition condition) => condition switch
    {
        FairnessCondition.Original => "Original",
        FairnessCondition.Average => "Average",
        FairnessCondition.Auto => "Auto",
        _ => "Average + Auto",
    };
}
