namespace PainBias.Data.Entities;

/// <summary>Queued: waits for the worker's submitted assignment. Sending: a send was tried (retry with the same token). Paid.</summary>
public enum MTurkBonusState { Queued, Sending, Paid }

/// <summary>
/// The local bonus ledger: one row per bonus owed, paid at most once. The row id is MTurk's UniqueRequestToken, so a
/// resend after a lost answer is refused by MTurk as a duplicate instead of paying twice.
/// </summary>
public sealed class MTurkBonus
{
    public Guid Id { get; set; }
    public Guid LaunchId { get; set; }
    public required string WorkerId { get; set; }
    /// <summary>Filled when the worker's submitted assignment is known; a bonus is never sent without it.</summary>
    public string? AssignmentId { get; set; }
    public int AmountCents { get; set; }
    public required string Reason { get; set; }
    public MTurkBonusState State { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? PaidAt { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }

    public string RequestToken => Id.ToString("N");
}
