namespace PainBias.Crowd.MTurk;

public enum AssignmentStatus { Submitted, Approved, Rejected }

public sealed record Assignment
{
    public string AssignmentId { get; init; } = "";
    public string WorkerId { get; init; } = "";
    public string HITId { get; init; } = "";
    public AssignmentStatus? AssignmentStatus { get; init; }
    public DateTimeOffset? AutoApprovalTime { get; init; }
    public DateTimeOffset? AcceptTime { get; init; }
    public DateTimeOffset? SubmitTime { get; init; }
    public DateTimeOffset? ApprovalTime { get; init; }
    public DateTimeOffset? RejectionTime { get; init; }
    public DateTimeOffset? Deadline { get; init; }
    public string? Answer { get; init; }
    public string? RequesterFeedback { get; init; }
}

public sealed record ListAssignmentsForHITRequest
{
    public required string HITId { get; init; }
    public string? NextToken { get; init; }
    /// <summary>1..100.</summary>
    public int? MaxResults { get; init; }
    public IReadOnlyList<AssignmentStatus>? AssignmentStatuses { get; init; }
}

public sealed record ListAssignmentsForHITResponse
{
    public string? NextToken { get; init; }
    public int? NumResults { get; init; }
    public IReadOnlyList<Assignment> Assignments { get; init; } = [];
}

public sealed record ApproveAssignmentRequest
{
    public required string AssignmentId { get; init; }
    public string? RequesterFeedback { get; init; }
    public bool? OverrideRejection { get; init; }
}

public sealed record ApproveAssignmentResponse;

public sealed record RejectAssignmentRequest
{
    public required string AssignmentId { get; init; }
    /// <summary>Required by MTurk: the worker sees why.</summary>
    public required string RequesterFeedback { get; init; }
}

public sealed record RejectAssignmentResponse;

public sealed record SendBonusRequest
{
    public required string WorkerId { get; init; }
    public required string AssignmentId { get; init; }
    /// <summary>US dollars as a decimal string, e.g. "1.25".</summary>
    public required string BonusAmount { get; init; }
    public required string Reason { get; init; }
    /// <summary>Keys the bonus so a resend after a timeout pays once; derive it from the local bonus ledger row.</summary>
    public string? UniqueRequestToken { get; init; }
}

public sealed record SendBonusResponse;
