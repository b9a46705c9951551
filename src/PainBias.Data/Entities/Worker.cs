using PainBias.Core.Domain;

namespace PainBias.Data.Entities;

/// <summary>A person on one platform. Exports carry a salted hash of <see cref="ExternalId"/>, never the raw id.</summary>
public sealed class Worker
{
    public Guid Id { get; set; }
    public Platform Platform { get; set; }
    public required string ExternalId { get; set; }
    public DateTime FirstSeenAt { get; set; }
    public bool Blocked { get; set; }
    public string? BlockReason { get; set; }
    public DateTime? BlockedAt { get; set; }
}
