using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PainBias.Data.Entities;

namespace PainBias.Data.Configuration;

internal sealed class VariantRatingSummaryConfiguration : IEntityTypeConfiguration<VariantRatingSummary>
{
    public void Configure(EntityTypeBuilder<VariantRatingSummary> builder)
    {
        builder.ToTable("VariantRatingSummaries");
        builder.HasKey(s => new { s.VariantId, s.Platform });
        builder.Property(s => s.Platform).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(s => s.StudyId);
        builder.HasOne<Variant>().WithMany().HasForeignKey(s => s.VariantId).OnDelete(DeleteBehavior.Cascade);
    }
}
