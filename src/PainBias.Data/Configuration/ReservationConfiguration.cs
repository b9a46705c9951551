using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PainBias.Data.Allocation;
using PainBias.Data.Entities;

namespace PainBias.Data.Configuration;

internal sealed class ReservationConfiguration : IEntityTypeConfiguration<Reservation>
{
    public void Configure(EntityTypeBuilder<Reservation> builder)
    {
        builder.Property(r => r.Platform).HasConversion<string>().HasMaxLength(16);
        // A submit and an expiry of one hold must not both win: the second writer gets a concurrency error.
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(16).IsConcurrencyToken();
        // The design rule "one assessor never sees two variants of one face" lives in the database.
        builder.HasIndex(r => new { r.StudyId, r.WorkerId, r.SourceFaceId }).IsUnique();
        builder.HasIndex(r => new { r.VariantId, r.Platform, r.Status });
        // The allocator looks for a study's holds that have run out on every arrival; the dashboard counts its live holds.
        builder.HasIndex(r => new { r.StudyId, r.Status, r.HeldUntil });
        builder.ToTable(t =>
        {
            t.HasTrigger(SlotCounters.ReservationsTrigger);
            t.UseSqlReturningClause(false);
        });
        builder.HasOne<Variant>().WithMany().HasForeignKey(r => r.VariantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Worker>().WithMany().HasForeignKey(r => r.WorkerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Study>().WithMany().HasForeignKey(r => r.StudyId).OnDelete(DeleteBehavior.Cascade);
    }
}
