using System.ComponentModel.DataAnnotations;
using PainBias.Imaging.Quality;

namespace PainBias.Jobs.Quality;

/// <summary>Section "Quality": pass limits for variant pairs and the largest check model a researcher may upload.</summary>
public sealed class QualityOptions
{
    public const string Section = "Quality";

    /// <summary>Most mean keypoint drift, in inter-ocular distances.</summary>
    [Range(0.0, 1.0)]
    public double MaxDrift { get; set; } = PairCheckThresholds.Default.MaxDrift;

    /// <summary>Least SSIM of the detail layers.</summary>
    [Range(-1.0, 1.0)]
    public double MinSimilarity { get; set; } = PairCheckThresholds.Default.MinSimilarity;

    [Range(1, 2L * 1024 * 1024 * 1024)]
    public long MaxModelBytes { get; set; } = 300L * 1024 * 1024;

    public PairCheckThresholds Thresholds => new(MaxDrift, MinSimilarity);
}
