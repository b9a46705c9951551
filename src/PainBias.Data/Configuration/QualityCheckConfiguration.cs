using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PainBias.Data.Entities;

namespace PainBias.Data.Configuration;

internal sealed class QualityCheckConfiguration : IEntityTypeConfiguration<QualityCheck>
{
    public void Configure(EntityTypeBuilder<QualityCheck> builder)
    {
        builder.Property(c => c.OriginalSha256).HasMaxLength(64);
        builder.Property(c => c.VariantSha256).HasMaxLength(64);
        builder.Property(c => c.ConfigurationSha256).HasMaxLength(64);
        builder.Property(c => c.Error).HasMaxLength(2000);
        builder.Property(c => c.Reasons).HasMaxLength(4000);
        builder.Property(c => c.Node).HasMaxLength(200);
        // One verdict per variant: a retried or repeated check job overwrites instead of adding rows.
        builder.HasIndex(c => c.VariantId).IsUnique();
        builder.HasIndex(c => c.StudyId);
        builder.HasOne(c => c.Variant).WithMany().HasForeignKey(c => c.VariantId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Study>().WithMany().HasForeignKey(c => c.StudyId).OnDelete(DeleteBehavior.Cascade);
    }
}
