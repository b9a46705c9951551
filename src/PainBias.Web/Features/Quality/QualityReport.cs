using PainBias.Core.Domain;
using PainBias.Imaging.Quality.Onnx;

namespace PainBias.Web.Features.Quality;

/// <summary>A study's manipulation-quality report: one row per variant, a summary per condition, the check models.</summary>
public sealed record QualityReport(
    Guid StudyId, string StudyName, double MaxDrift, double MinSimilarity,
    IReadOnlyList<VariantQuality> Variants, IReadOnlyList<ConditionQuality> Conditions, IReadOnlyList<QualityModelRow> Models);

/// <summary>
/// One variant's verdict. <see cref="Status"/> is Pass, Fail, or Pending (not checked yet, or its image changed since).
/// </summary>
public sealed record VariantQuality(
    Guid VariantId, string Face, Condition Condition, string Editor, string ImageSha256, string Status,
    double? Drift, double? Similarity, IReadOnlyList<string> Reasons, IReadOnlyList<ModelCheckResult> Models, DateTime? CheckedAt)
{
    public const string Pass = "Pass";
    public const string Fail = "Fail";
    public const string Pending = "Pending";
}

public sealed record ConditionQuality(
    Condition Condition, int Variants, int Checked, int Passed, int Failed,
    double? MedianDrift, double? MaxDrift, double? MeanSimilarity);

public sealed record QualityModelRow(Guid Id, string Name, string Kind, double? Threshold, string ModelSha256, string? FileName, DateTime CreatedAt);
