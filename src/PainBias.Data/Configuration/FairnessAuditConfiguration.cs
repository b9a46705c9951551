using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PainBias.Data.Entities;

namespace PainBias.Data.Configuration;

internal sealed class FairnessAuditConfiguration : IEntityTypeConfiguration<FairnessAudit>
{
    public void Configure(EntityTypeBuilder<FairnessAudit> builder)
    {
        builder.Property(a => a.Name).HasMaxLength(100);
        builder.Property(a => a.ManifestJson).HasMaxLength(8000);
        builder.Property(a => a.ModelSha256).HasMaxLength(64);
        builder.Property(a => a.FileName).HasMaxLength(260);
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.ProgressText).HasMaxLength(400);
        builder.Property(a => a.Error).HasMaxLength(4000);
        builder.Property(a => a.CreatedBy).HasMaxLength(256);
        builder.HasIndex(a => new { a.StudyId, a.CreatedAt });
        builder.HasOne<Study>().WithMany().HasForeignKey(a => a.StudyId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Blob>().WithMany().HasForeignKey(a => a.ModelSha256).OnDelete(DeleteBehavior.Restrict);
    }
}
