namespace PainBias.Crowd.MTurk;

public sealed record ListHITsRequest
{
    public string? NextToken { get; init; }
    /// <summary>1..100.</summary>
    public int? MaxResults { get; init; }
}

public sealed record ListHITsResponse
{
    public string? NextToken { get; init; }
    public int? NumResults { get; init; }
    public IReadOnlyList<HIT> HITs { get; init; } = [];
}
