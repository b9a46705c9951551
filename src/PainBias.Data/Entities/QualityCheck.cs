namespace PainBias.Data.Entities;

/// <summary>
/// The latest quality verdict for one variant against its original. One row per variant: a rerun overwrites it,
/// and is skipped when both images and the check configuration are unchanged.
/// </summary>
public sealed class QualityCheck
{
    public Guid Id { get; set; }
    public Guid StudyId { get; set; }
    public Guid VariantId { get; set; }
    public Variant? Variant { get; set; }

    /// <summary>The image the variant was compared with (the original, or the original normalised to the variant's size).</summary>
    public required string OriginalSha256 { get; set; }
    public required string VariantSha256 { get; set; }

    /// <summary>SHA-256 of the thresholds and check models used; a change makes the next run recheck.</summary>
    public required string ConfigurationSha256 { get; set; }

    public bool Passed { get; set; }

    /// <summary>Mean keypoint drift in inter-ocular distances; null when the pair could not be measured.</summary>
    public double? Drift { get; set; }

    /// <summary>SSIM of the detail layers; null when the pair could not be measured.</summary>
    public double? Similarity { get; set; }
    public double MaxDrift { get; set; }
    public double MinSimilarity { get; set; }

    /// <summary>Why the pair could not be measured at all (no face in the variant, sizes that cannot be matched).</summary>
    public string? Error { get; set; }

    /// <summary>Why it failed, one reason per line; empty when it passed.</summary>
    public string Reasons { get; set; } = "";

    /// <summary>Each researcher-supplied model's result as a JSON array (name, kind, value, threshold, passed, reason).</summary>
    public string? ModelResultsJson { get; set; }
    public string? Node { get; set; }
    public DateTime CheckedAt { get; set; }
}
