using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PainBias.Data.Entities;

namespace PainBias.Data.Configuration;

internal sealed class SourceFaceConfiguration : IEntityTypeConfiguration<SourceFace>
{
    public void Configure(EntityTypeBuilder<SourceFace> builder)
    {
        builder.Property(f => f.Label).HasMaxLength(200);
        builder.Property(f => f.Gender).HasConversion<string>().HasMaxLength(8);
        builder.Property(f => f.Race).HasConversion<string>().HasMaxLength(8);
        builder.Property(f => f.AgeGroup).HasConversion<string>().HasMaxLength(8);
        builder.Property(f => f.OriginalSha256).HasMaxLength(64);
        builder.Property(f => f.Provenance).HasMaxLength(1000);
        builder.HasIndex(f => new { f.StudyId, f.Label }).IsUnique();
        builder.HasOne(f => f.Study).WithMany(s => s.SourceFaces).HasForeignKey(f => f.StudyId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Blob>().WithMany().HasForeignKey(f => f.OriginalSha256).OnDelete(DeleteBehavior.Restrict);
    }
}
