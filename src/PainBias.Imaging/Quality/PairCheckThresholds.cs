namespace PainBias.Imaging.Quality;

/// <summary>
/// Pass limits for a variant pair. Defaults: drift ≤ 0.05 inter-ocular distances (about 3 pixels on a
/// 256-pixel normalised face, well under BlazeFace's own jitter between near-identical frames of a moved
/// face), and detail SSIM ≥ 0.5 (a tone edit keeps it near 1; a different face or a heavy restyle falls
/// far below). Studies may tighten both.
/// </summary>
public sealed record PairCheckThresholds(double MaxDrift = 0.05, double MinSimilarity = 0.5)
{
    public static PairCheckThresholds Default { get; } = new();
}
