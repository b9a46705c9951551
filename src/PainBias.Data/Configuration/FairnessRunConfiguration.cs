using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PainBias.Data.Entities;

namespace PainBias.Data.Configuration;

internal sealed class FairnessRunConfiguration : IEntityTypeConfiguration<FairnessRun>
{
    public void Configure(EntityTypeBuilder<FairnessRun> builder)
    {
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.ExternalLabelsFile).HasMaxLength(260);
        builder.Property(r => r.ProgressText).HasMaxLength(400);
        builder.Property(r => r.Error).HasMaxLength(4000);
        builder.Property(r => r.FeatureModelSha256).HasMaxLength(64);
        builder.Property(r => r.CreatedBy).HasMaxLength(256);
        builder.HasIndex(r => new { r.StudyId, r.CreatedAt });
        builder.HasOne<Study>().WithMany().HasForeignKey(r => r.StudyId).OnDelete(DeleteBehavior.Cascade);
    }
}
