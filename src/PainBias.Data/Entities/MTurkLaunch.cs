using PainBias.Core.Domain;

namespace PainBias.Data.Entities;

public enum MTurkLaunchStatus { Draft, Publishing, Published, Closed }

/// <summary>What to do with a submitted assignment that no finished task stands behind.</summary>
public enum UnmatchedAssignmentAction { Hold, Reject }

/// <summary>
/// One recruitment round of a study on MTurk (sandbox or live): the HIT type's settings, its batches of HITs and the
/// researcher's review rules. Money in whole US cents.
/// </summary>
public sealed class MTurkLaunch
{
    public Guid Id { get; set; }
    public Guid StudyId { get; set; }
    public bool Sandbox { get; set; } = true;
    public MTurkLaunchStatus Status { get; set; }
    public DateTime CreatedAt { get; set; }

    public required string Title { get; set; }
    public required string Description { get; set; }
    public string Keywords { get; set; } = "";
    public int RewardCents { get; set; }
    /// <summary>Paid, through the bonus ledger, to every approved assignment; 0 for none.</summary>
    public int BonusCents { get; set; }
    public int AssignmentDurationMinutes { get; set; }
    public int LifetimeHours { get; set; }
    public int AutoApprovalHours { get; set; }

    /// <summary>The HTTPS address MTurk frames, i.e. /task/mturk/{studyId} on the public host.</summary>
    public required string TaskUrl { get; set; }
    public int FrameHeight { get; set; }

    /// <summary>How many assignments this launch publishes in all (split into HITs of at most 9).</summary>
    public int TotalAssignments { get; set; }

    public int MinApprovalRate { get; set; } = 95;
    public int MinApprovedHits { get; set; } = 100;
    /// <summary>ISO 3166 country codes, comma-separated; empty for any country.</summary>
    public string Locales { get; set; } = "";
    /// <summary>Only workers holding this qualification may take the HIT (a screening pass); null for none.</summary>
    public string? ScreeningQualificationTypeId { get; set; }
    /// <summary>"Took part" qualification ids of linked studies, comma-separated: their workers are kept out.</summary>
    public string ExcludedQualificationTypeIds { get; set; } = "";

    public string? HitTypeId { get; set; }
    /// <summary>This study's "took part" qualification on this MTurk (sandbox and live have their own).</summary>
    public string? TookPartQualificationTypeId { get; set; }

    /// <summary>Assessments excluded for one of these reasons get their assignment rejected; others are approved.</summary>
    public ExclusionReason RejectFor { get; set; }
    public UnmatchedAssignmentAction Unmatched { get; set; } = UnmatchedAssignmentAction.Hold;
    public string ApproveFeedback { get; set; } = "";
    public string RejectFeedback { get; set; } = "";

    public string? LastError { get; set; }
    public DateTime? LastSyncedAt { get; set; }
}
