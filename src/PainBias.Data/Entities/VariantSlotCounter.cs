using PainBias.Core.Domain;

namespace PainBias.Data.Entities;

/// <summary>
/// The allocator's running tally for one variant on one platform, so an arrival picks its slot from one row per variant
/// instead of recounting ratings and holds. <see cref="Filled"/> = included assessments, <see cref="Held"/> =
/// reservations whose status is Held (a hold past its time counts until it is marked Expired, which the allocator does
/// before it chooses). Database triggers on Variants, Reservations and Assessments keep it (migration
/// <c>VariantSlotCounters</c>, both providers), in the same transaction as the change, whatever wrote it: SaveChanges,
/// ExecuteUpdate or raw SQL. <see cref="Allocation.SlotCounters"/> recounts and checks it.
/// </summary>
public sealed class VariantSlotCounter
{
    public Guid VariantId { get; set; }
    public Platform Platform { get; set; }
    public Guid StudyId { get; set; }
    public Guid SourceFaceId { get; set; }
    public int Filled { get; set; }
    public int Held { get; set; }
}
