using PainBias.Core.Domain;

namespace PainBias.Data.Entities;

/// <summary>A researcher-supplied ONNX face editor for one study, and the condition its output shows.</summary>
public sealed class VariantEditor
{
    public Guid Id { get; set; }
    public Guid StudyId { get; set; }

    /// <summary>From the manifest; unique within the study and recorded in each variant's provenance as "onnx:NAME".</summary>
    public required string Name { get; set; }
    public Condition Condition { get; set; }
    public required string ManifestJson { get; set; }

    /// <summary>The model bytes in the blob store, and so the model's provenance hash.</summary>
    public required string ModelSha256 { get; set; }
    public string? FileName { get; set; }
    public DateTime CreatedAt { get; set; }
}
