using PainBias.Core.Domain;

namespace PainBias.Data.Entities;

/// <summary>An image shown to assessors, with the provenance of how it was made.</summary>
public sealed class Variant
{
    public Guid Id { get; set; }
    public Guid StudyId { get; set; }
    public Guid SourceFaceId { get; set; }
    public SourceFace? SourceFace { get; set; }
    public Condition Condition { get; set; }
    public required string ImageSha256 { get; set; }

    /// <summary>Editor name, e.g. "normalise" (an Original: the upload normalised), "builtin-skin-tone", "onnx:&lt;manifest&gt;", "import".</summary>
    public required string Editor { get; set; }
    public string? ModelSha256 { get; set; }
    public string? ParametersJson { get; set; }
    public int? Seed { get; set; }
    public string? Node { get; set; }
    public DateTime CreatedAt { get; set; }
}
