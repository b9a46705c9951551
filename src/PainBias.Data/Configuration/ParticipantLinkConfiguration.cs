using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PainBias.Data.Entities;

namespace PainBias.Data.Configuration;

internal sealed class ParticipantLinkConfiguration : IEntityTypeConfiguration<ParticipantLink>
{
    public void Configure(EntityTypeBuilder<ParticipantLink> builder)
    {
        builder.Property(l => l.Platform).HasConversion<string>().HasMaxLength(16);
        builder.Property(l => l.ParticipantId).HasMaxLength(64);
        builder.Property(l => l.CompletionCode).HasMaxLength(32);
        builder.Property(l => l.Culture).HasMaxLength(16);
        builder.Property(l => l.CreatedBy).HasMaxLength(450);
        builder.Property(l => l.ClaimHash).HasMaxLength(64);
        // Unique across studies: a code pasted into another study's results is recognised as foreign, never as its own.
        builder.HasIndex(l => l.CompletionCode).IsUnique();
        builder.HasIndex(l => new { l.StudyId, l.Platform, l.ParticipantId }).IsUnique();
        builder.HasOne<Study>().WithMany().HasForeignKey(l => l.StudyId).OnDelete(DeleteBehavior.Cascade);
    }
}
