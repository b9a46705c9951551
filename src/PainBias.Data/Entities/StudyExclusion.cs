using PainBias.Core.Domain;

namespace PainBias.Data.Entities;

/// <summary>A worker kept out of one study (an uploaded list, or everyone who took part in another study).</summary>
public sealed class StudyExclusion
{
    public Guid Id { get; set; }
    public Guid StudyId { get; set; }
    public Platform Platform { get; set; }
    public required string ExternalId { get; set; }

    /// <summary>Where the entry came from, e.g. "upload lab-2025.csv" or "took part in study …".</summary>
    public required string Source { get; set; }
    public DateTime AddedAt { get; set; }
    public required string AddedBy { get; set; }
}
