namespace PainBias.Data.Entities;

/// <summary>
/// A qualification granted to a worker by an admin (on MTurk mirrored with AssociateQualificationWithWorker). Revoking
/// keeps the row and stamps it, so the history stays readable.
/// </summary>
public sealed class WorkerQualification
{
    public Guid Id { get; set; }
    public Guid WorkerId { get; set; }

    /// <summary>The MTurk QualificationTypeId (or a local name for platforms without an API).</summary>
    public required string QualificationTypeId { get; set; }
    public int IntegerValue { get; set; } = 1;
    public DateTime GrantedAt { get; set; }
    public required string GrantedBy { get; set; }
    public DateTime? RevokedAt { get; set; }
    public string? RevokedBy { get; set; }
    public string? RevokeReason { get; set; }
}
