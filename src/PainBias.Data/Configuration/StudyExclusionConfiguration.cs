using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PainBias.Data.Entities;

namespace PainBias.Data.Configuration;

internal sealed class StudyExclusionConfiguration : IEntityTypeConfiguration<StudyExclusion>
{
    public void Configure(EntityTypeBuilder<StudyExclusion> builder)
    {
        builder.Property(e => e.Platform).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.ExternalId).HasMaxLength(200);
        builder.Property(e => e.Source).HasMaxLength(300);
        builder.Property(e => e.AddedBy).HasMaxLength(450);
        // The task entry looks a worker up by exactly this key.
        builder.HasIndex(e => new { e.StudyId, e.Platform, e.ExternalId }).IsUnique();
        builder.HasOne<Study>().WithMany().HasForeignKey(e => e.StudyId).OnDelete(DeleteBehavior.Cascade);
    }
}
