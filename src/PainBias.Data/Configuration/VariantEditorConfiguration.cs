using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PainBias.Data.Entities;

namespace PainBias.Data.Configuration;

internal sealed class VariantEditorConfiguration : IEntityTypeConfiguration<VariantEditor>
{
    public void Configure(EntityTypeBuilder<VariantEditor> builder)
    {
        builder.Property(e => e.Name).HasMaxLength(100);
        builder.Property(e => e.Condition).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.ManifestJson).HasMaxLength(8000);
        builder.Property(e => e.ModelSha256).HasMaxLength(64);
        builder.Property(e => e.FileName).HasMaxLength(260);
        builder.HasIndex(e => new { e.StudyId, e.Name }).IsUnique();
        builder.HasOne<Study>().WithMany().HasForeignKey(e => e.StudyId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Blob>().WithMany().HasForeignKey(e => e.ModelSha256).OnDelete(DeleteBehavior.Restrict);
    }
}
