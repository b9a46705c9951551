namespace PainBias.Crowd.MTurk;

public sealed record CreateWorkerBlockRequest
{
    public required string WorkerId { get; init; }
    public required string Reason { get; init; }
}

public sealed record CreateWorkerBlockResponse;

public sealed record DeleteWorkerBlockRequest
{
    public required string WorkerId { get; init; }
    public string? Reason { get; init; }
}

public sealed record DeleteWorkerBlockResponse;

public sealed record NotifyWorkersRequest
{
    public required string Subject { get; init; }
    public required string MessageText { get; init; }
    /// <summary>1..100 worker ids per call.</summary>
    public required IReadOnlyList<string> WorkerIds { get; init; }
}

public enum NotifyWorkersFailureCode { SoftFailure, HardFailure }

public sealed record NotifyWorkersFailureStatus
{
    public NotifyWorkersFailureCode? NotifyWorkersFailureCode { get; init; }
    public string? NotifyWorkersFailureMessage { get; init; }
    public string? WorkerId { get; init; }
}

public sealed record NotifyWorkersResponse
{
    public IReadOnlyList<NotifyWorkersFailureStatus> NotifyWorkersFailureStatuses { get; init; } = [];
}

public sealed record GetAccountBalanceRequest;

public sealed record GetAccountBalanceResponse
{
    public string? AvailableBalance { get; init; }
    public string? OnHoldBalance { get; init; }
}
