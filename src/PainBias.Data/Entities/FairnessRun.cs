namespace PainBias.Data.Entities;

/// <summary>
/// One AI-fairness experiment on a study's ratings: its settings, progress and, once it succeeded, the Table-7-style
/// result as JSON. A failed run keeps its reason and no result.
/// </summary>
public sealed class FairnessRun
{
    public Guid Id { get; set; }
    public Guid StudyId { get; set; }
    public int Folds { get; set; }
    public long Seed { get; set; }

    /// <summary>External test labels by variant id as a JSON object, and the file they came from.</summary>
    public string? ExternalLabelsJson { get; set; }
    public string? ExternalLabelsFile { get; set; }

    public AnalysisStatus Status { get; set; }

    /// <summary>0..1.</summary>
    public double Progress { get; set; }
    public string? ProgressText { get; set; }
    public string? ResultJson { get; set; }
    public string? Error { get; set; }

    /// <summary>SHA-256 of the feature model the run used.</summary>
    public string? FeatureModelSha256 { get; set; }
    public required string CreatedBy { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? FinishedAt { get; set; }
}
