namespace PainBias.Data.Entities;

/// <summary>A researcher-supplied ONNX check model (face verification, deepfake detector, age estimator) for one study.</summary>
public sealed class QualityModel
{
    public Guid Id { get; set; }
    public Guid StudyId { get; set; }

    /// <summary>From the manifest; unique within the study and shown in the report.</summary>
    public required string Name { get; set; }

    /// <summary>The manifest's kind, as text (the enum lives with the imaging code).</summary>
    public required string Kind { get; set; }
    public required string ManifestJson { get; set; }

    /// <summary>The model bytes in the blob store, and so the model's provenance hash.</summary>
    public required string ModelSha256 { get; set; }
    public string? FileName { get; set; }
    public DateTime CreatedAt { get; set; }
}
