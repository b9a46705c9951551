namespace PainBias.Data.Entities;

/// <summary>
/// An individual-fairness audit of a researcher-supplied ONNX pain model on every variant of a study: the model (a
/// blob) with its manifest, progress, and once it succeeded the report as JSON.
/// </summary>
public sealed class FairnessAudit
{
    public Guid Id { get; set; }
    public Guid StudyId { get; set; }
    public required string Name { get; set; }
    public required string ManifestJson { get; set; }
    public required string ModelSha256 { get; set; }
    public string? FileName { get; set; }
    public AnalysisStatus Status { get; set; }

    /// <summary>0..1.</summary>
    public double Progress { get; set; }
    public string? ProgressText { get; set; }
    public string? ResultJson { get; set; }
    public string? Error { get; set; }
    public required string CreatedBy { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? FinishedAt { get; set; }
}
