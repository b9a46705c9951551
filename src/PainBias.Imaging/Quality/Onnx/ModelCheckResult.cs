namespace PainBias.Imaging.Quality.Onnx;

/// <summary>
/// One model's verdict on one pair. <see cref="Passed"/> is null when the check only reports (an age estimate
/// on a variant meant to change age); <see cref="Reason"/> says in words why it failed.
/// </summary>
public sealed record ModelCheckResult(
    string Name, QualityModelKind Kind, double Value, double Threshold, bool? Passed, string? Reason,
    double? OriginalValue = null, double? VariantValue = null);
