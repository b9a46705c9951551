namespace PainBias.Crowd.MTurk;

public enum HITStatus { Assignable, Unassignable, Reviewable, Reviewing, Disposed }

public enum ReviewableHITStatus { Reviewable, Reviewing }

public sealed record HIT
{
    public string HITId { get; init; } = "";
    public string HITTypeId { get; init; } = "";
    public string? HITGroupId { get; init; }
    public string? HITLayoutId { get; init; }
    public DateTimeOffset? CreationTime { get; init; }
    public string? Title { get; init; }
    public string? Description { get; init; }
    public string? Question { get; init; }
    public string? Keywords { get; init; }
    public HITStatus? HITStatus { get; init; }
    public int? MaxAssignments { get; init; }
    public string? Reward { get; init; }
    public long? AutoApprovalDelayInSeconds { get; init; }
    public DateTimeOffset? Expiration { get; init; }
    public long? AssignmentDurationInSeconds { get; init; }
    public string? RequesterAnnotation { get; init; }
    public IReadOnlyList<QualificationRequirement>? QualificationRequirements { get; init; }
    public string? HITReviewStatus { get; init; }
    public int? NumberOfAssignmentsPending { get; init; }
    public int? NumberOfAssignmentsAvailable { get; init; }
    public int? NumberOfAssignmentsCompleted { get; init; }
}

public sealed record CreateHITTypeRequest
{
    public required string Title { get; init; }
    public required string Description { get; init; }
    /// <summary>US dollars as a decimal string, e.g. "0.50" (see <see cref="MTurkAmount"/>).</summary>
    public required string Reward { get; init; }
    public required long AssignmentDurationInSeconds { get; init; }
    public long? AutoApprovalDelayInSeconds { get; init; }
    public string? Keywords { get; init; }
    public IReadOnlyList<QualificationRequirement>? QualificationRequirements { get; init; }
}

public sealed record CreateHITTypeResponse
{
    public string HITTypeId { get; init; } = "";
}

public sealed record CreateHITWithHITTypeRequest
{
    public required string HITTypeId { get; init; }
    public required long LifetimeInSeconds { get; init; }
    public int? MaxAssignments { get; init; }
    /// <summary>Question XML, for PainBias an <see cref="ExternalQuestion"/>.</summary>
    public string? Question { get; init; }
    public string? RequesterAnnotation { get; init; }
    /// <summary>Makes a retried create safe: MTurk refuses a second HIT with the same token for 24 hours.</summary>
    public string? UniqueRequestToken { get; init; }
    public string? HITLayoutId { get; init; }
}

public sealed record CreateHITWithHITTypeResponse
{
    public HIT HIT { get; init; } = new();
}

public sealed record UpdateExpirationForHITRequest
{
    public required string HITId { get; init; }
    /// <summary>A time in the past expires the HIT now; a later time extends it.</summary>
    public required DateTimeOffset ExpireAt { get; init; }
}

public sealed record UpdateExpirationForHITResponse;

public sealed record ListReviewableHITsRequest
{
    public string? HITTypeId { get; init; }
    public ReviewableHITStatus? Status { get; init; }
    public string? NextToken { get; init; }
    public int? MaxResults { get; init; }
}

public sealed record ListReviewableHITsResponse
{
    public string? NextToken { get; init; }
    public int? NumResults { get; init; }
    public IReadOnlyList<HIT> HITs { get; init; } = [];
}
