namespace PainBias.Data.Entities;

public enum MTurkReviewDecision { Pending, Approved, Rejected, Held }

/// <summary>One MTurk assignment as the sync job saw it, matched to the task session behind it, and what was decided.</summary>
public sealed class MTurkAssignmentReview
{
    public Guid Id { get; set; }
    public Guid LaunchId { get; set; }
    public required string AssignmentId { get; set; }
    public required string HitId { get; set; }
    public required string WorkerId { get; set; }
    public Guid? TaskSessionId { get; set; }
    /// <summary>MTurk's status when last seen: Submitted, Approved or Rejected.</summary>
    public required string MTurkStatus { get; set; }
    public DateTime? SubmittedAt { get; set; }
    public MTurkReviewDecision Decision { get; set; }
    public string? DecisionReason { get; set; }
    public DateTime? DecidedAt { get; set; }
    public bool TookPartGranted { get; set; }
}
