using PainBias.Core.Domain;

namespace PainBias.Data.Entities;

public enum ReservationStatus { Held, Submitted, Expired, Released }

/// <summary>
/// One slot of a variant's quota on a platform, held for a worker. The unique index on
/// (StudyId, WorkerId, SourceFaceId) makes the database refuse a second variant of a face for one worker.
/// </summary>
public sealed class Reservation
{
    public Guid Id { get; set; }
    public Guid StudyId { get; set; }
    public Guid VariantId { get; set; }
    public Guid SourceFaceId { get; set; }
    public Guid WorkerId { get; set; }
    public Platform Platform { get; set; }
    public ReservationStatus Status { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime HeldUntil { get; set; }
}
