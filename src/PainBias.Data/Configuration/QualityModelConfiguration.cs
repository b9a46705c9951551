using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PainBias.Data.Entities;

namespace PainBias.Data.Configuration;

internal sealed class QualityModelConfiguration : IEntityTypeConfiguration<QualityModel>
{
    public void Configure(EntityTypeBuilder<QualityModel> builder)
    {
        builder.Property(m => m.Name).HasMaxLength(100);
        builder.Property(m => m.Kind).HasMaxLength(32);
        builder.Property(m => m.ManifestJson).HasMaxLength(8000);
        builder.Property(m => m.ModelSha256).HasMaxLength(64);
        builder.Property(m => m.FileName).HasMaxLength(260);
        builder.HasIndex(m => new { m.StudyId, m.Name }).IsUnique();
        builder.HasOne<Study>().WithMany().HasForeignKey(m => m.StudyId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Blob>().WithMany().HasForeignKey(m => m.ModelSha256).OnDelete(DeleteBehavior.Restrict);
    }
}
