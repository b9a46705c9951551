namespace PainBias.Imaging.Quality.Onnx;

/// <summary>What a researcher-supplied check model measures, and so how its output and threshold are read.</summary>
public enum QualityModelKind
{
    /// <summary>Outputs an embedding; the pair passes when cosine(original, variant) ≥ threshold (same person).</summary>
    FaceVerification,

    /// <summary>Outputs one score per image; the variant passes when its score ≤ threshold (does not look fake).</summary>
    DeepfakeDetector,

    /// <summary>Outputs an age in years; reported always, and a skin-tone-only variant passes when |Δage| ≤ threshold.</summary>
    AgeEstimator,
}
