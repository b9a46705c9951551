using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PainBias.Data.Allocation;
using PainBias.Data.Entities;

namespace PainBias.Data.Configuration;

internal sealed class VariantConfiguration : IEntityTypeConfiguration<Variant>
{
    public void Configure(EntityTypeBuilder<Variant> builder)
    {
        builder.Property(v => v.Condition).HasConversion<string>().HasMaxLength(16);
        builder.Property(v => v.ImageSha256).HasMaxLength(64);
        builder.Property(v => v.ModelSha256).HasMaxLength(64);
        builder.Property(v => v.Editor).HasMaxLength(200);
        builder.Property(v => v.Node).HasMaxLength(200);
        // One variant per face and condition: a retried generation job overwrites instead of duplicating.
        builder.HasIndex(v => new { v.SourceFaceId, v.Condition }).IsUnique();
        builder.HasIndex(v => v.StudyId);
        // Creates the variant's VariantSlotCounters rows.
        builder.ToTable(t =>
        {
            t.HasTrigger(SlotCounters.VariantsTrigger);
            t.UseSqlReturningClause(false);
        });
        builder.HasOne(v => v.SourceFace).WithMany(f => f.Variants).HasForeignKey(v => v.SourceFaceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Blob>().WithMany().HasForeignKey(v => v.ImageSha256).OnDelete(DeleteBehavior.Restrict);
    }
}
