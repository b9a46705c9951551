namespace PainBias.Data.Entities;

public enum AuditOutcome { Succeeded, Failed, Refused }

/// <summary>
/// One administrative action: who, when, what, on which target, and how it ended. Written in the same transaction as
/// the change it records, so the log never claims a change that did not happen nor misses one that did.
/// </summary>
public sealed class AuditEntry
{
    public Guid Id { get; set; }
    public DateTime At { get; set; }
    public required string ActorId { get; set; }

    /// <summary>e.g. worker.block, worker.qualification.grant, study.exclusions.add, credamo.import.</summary>
    public required string Action { get; set; }
    public required string TargetType { get; set; }
    public required string TargetId { get; set; }
    public string Details { get; set; } = "";
    public AuditOutcome Outcome { get; set; }
}
