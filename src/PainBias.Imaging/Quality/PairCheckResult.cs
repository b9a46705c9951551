using PainBias.Imaging.Faces;

namespace PainBias.Imaging.Quality;

/// <summary>One original/variant comparison: the two measures, the verdict, and the faces they came from.</summary>
public sealed record PairCheckResult(
    double Drift, double Similarity, PairCheckThresholds Thresholds, FaceDetection Original, FaceDetection Variant)
{
    public bool DriftPassed => Drift <= Thresholds.MaxDrift;

    public bool SimilarityPassed => Similarity >= Thresholds.MinSimilarity;

    public bool Passed => DriftPassed && SimilarityPassed;
}
