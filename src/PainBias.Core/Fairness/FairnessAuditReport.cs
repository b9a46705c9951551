namespace PainBias.Core.Fairness;

/// <summary>An audited model's individual fairness for each pair type and its group differences, over every variant.</summary>
public sealed record FairnessAuditReport(
    int Images,
    int Faces,
    IndividualFairness SkinTone,
    IndividualFairness Age,
    IndividualFairness Both,
    GroupDifference BlackMinusWhite,
    GroupDifference SeniorMinusYoung,
    IReadOnlyList<ImagePrediction> Predictions)
{
    /// <summary>Refuses non-finite predictions (naming the variant), then measures.</summary>
    public static FairnessAuditReport From(IReadOnlyList<ImagePrediction> predictions, BootstrapOptions bootstrap)
    {
        bootstrap.Validate();
        if (predictions.Count == 0) throw new FairnessDataException("The study has no variants to audit.");
        var bad = predictions.FirstOrDefault(p => !double.IsFinite(p.Prediction));
        if (bad is not null)
            throw new FairnessDataException($"The model gave {bad.Prediction} for variant {bad.VariantId} (face {bad.FaceId}, {bad.Condition}); no report is made from partial output.");
        FairnessInputCheck.Counterparts(predictions.Select(p => (p.FaceId, p.Condition)).ToList());
        return new FairnessAuditReport(predictions.Count, predictions.Select(p => p.FaceId).Distinct().Count(),
            FairnessMetrics.Individual(predictions, PairType.SkinTone, bootstrap),
            FairnessMetrics.Individual(predictions, PairType.Age, bootstrap),
            FairnessMetrics.Individual(predictions, PairType.Both, bootstrap),
            FairnessMetrics.BlackMinusWhite(predictions, bootstrap),
            FairnessMetrics.SeniorMinusYoung(predictions, bootstrap),
            predictions);
    }
}
