using PainBias.Core.Domain;

namespace PainBias.Data.Entities;

/// <summary>One photographed person in one image, with the metadata the design is balanced on.</summary>
public sealed class SourceFace
{
    public Guid Id { get; set; }
    public Guid StudyId { get; set; }
    public Study? Study { get; set; }

    /// <summary>The researcher's label, unique within the study (e.g. the file name or subject code).</summary>
    public required string Label { get; set; }
    public Gender Gender { get; set; }
    public Race Race { get; set; }
    public AgeGroup AgeGroup { get; set; }

    /// <summary>SHA-256 of the uploaded original in the blob store.</summary>
    public required string OriginalSha256 { get; set; }
    public string? Provenance { get; set; }
    public DateTime CreatedAt { get; set; }

    public List<Variant> Variants { get; set; } = [];
}
