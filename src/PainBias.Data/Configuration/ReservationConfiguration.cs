using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PainBias.Data.Entities;

namespace PainBias.Data.Configuration;

internal sealed class ReservationConfiguration : IEntityTypeConfiguration<Reservation>
{
    public void Configure(EntityTypeBuilder<Reservation> builder)
    {
        builder.Property(r => r.Platform).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        // The design rule "one assessor never sees two variants of one face" lives in the database.
        builder.HasIndex(r => new { r.StudyId, r.WorkerId, r.SourceFaceId }).IsUnique();
        builder.HasIndex(r => new { r.VariantId, r.Platform, r.Status });
        // The dashboard's "held now" counts: a study's live holds without reading its submitted slots.
        builder.HasIndex(r => new { r.StudyId, r.Status, r.HeldUntil });
        builder.HasOne<Variant>().WithMany().HasForeignKey(r => r.VariantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Worker>().WithMany().HasForeignKey(r => r.WorkerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Study>().WithMany().HasForeignKey(r => r.StudyId).OnDelete(DeleteBehavior.Cascade);
    }
}
