using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PainBias.Data.Entities;

namespace PainBias.Data.Configuration;

internal sealed class VariantSlotCounterConfiguration : IEntityTypeConfiguration<VariantSlotCounter>
{
    public void Configure(EntityTypeBuilder<VariantSlotCounter> builder)
    {
        builder.HasKey(c => new { c.VariantId, c.Platform });
        builder.Property(c => c.Platform).HasConversion<string>().HasMaxLength(16);
        // Filled and Held are deliberately not indexed: their updates stay heap-only (HOT) on PostgreSQL.
        builder.HasIndex(c => new { c.StudyId, c.Platform });
        builder.HasOne<Variant>().WithMany().HasForeignKey(c => c.VariantId).OnDelete(DeleteBehavior.Cascade);
    }
}
