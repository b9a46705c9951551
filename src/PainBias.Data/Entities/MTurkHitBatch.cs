namespace PainBias.Data.Entities;

/// <summary>Pending: not sent yet. Creating: sent at least once (its token makes a resend safe). Created: MTurk holds it.</summary>
public enum MTurkBatchState { Pending, Creating, Created }

/// <summary>
/// One HIT of a launch, recorded before it is sent so that a failure mid-batch never creates it twice: the id doubles as
/// MTurk's UniqueRequestToken and as the HIT's RequesterAnnotation.
/// </summary>
public sealed class MTurkHitBatch
{
    public Guid Id { get; set; }
    public Guid LaunchId { get; set; }
    public int Index { get; set; }
    public int Assignments { get; set; }
    public MTurkBatchState State { get; set; }
    public string? HitId { get; set; }
    public DateTime? Expiration { get; set; }
    /// <summary>Every assignment of the HIT has been reviewed and the HIT can take no more.</summary>
    public bool Finished { get; set; }
    public string? LastError { get; set; }

    public string RequestToken => Id.ToString("N");
}
