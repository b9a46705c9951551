using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PainBias.Data.Entities;

namespace PainBias.Data.Configuration;

internal sealed class StudyLinkConfiguration : IEntityTypeConfiguration<StudyLink>
{
    public void Configure(EntityTypeBuilder<StudyLink> builder)
    {
        builder.HasKey(l => new { l.StudyId, l.LinkedStudyId });
        builder.HasIndex(l => l.LinkedStudyId);
        builder.Property(l => l.CreatedBy).HasMaxLength(450);
        builder.HasOne<Study>().WithMany().HasForeignKey(l => l.StudyId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Study>().WithMany().HasForeignKey(l => l.LinkedStudyId).OnDelete(DeleteBehavior.Cascade);
    }
}
