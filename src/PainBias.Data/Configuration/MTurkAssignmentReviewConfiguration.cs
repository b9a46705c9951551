using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PainBias.Data.Entities;

namespace PainBias.Data.Configuration;

internal sealed class MTurkAssignmentReviewConfiguration : IEntityTypeConfiguration<MTurkAssignmentReview>
{
    public void Configure(EntityTypeBuilder<MTurkAssignmentReview> builder)
    {
        builder.Property(r => r.AssignmentId).HasMaxLength(64);
        builder.Property(r => r.HitId).HasMaxLength(64);
        builder.Property(r => r.WorkerId).HasMaxLength(64);
        builder.Property(r => r.MTurkStatus).HasMaxLength(16);
        builder.Property(r => r.Decision).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.DecisionReason).HasMaxLength(1024);
        // One row per assignment: a rerun of the sync updates it instead of adding another.
        builder.HasIndex(r => r.AssignmentId).IsUnique();
        builder.HasIndex(r => new { r.LaunchId, r.WorkerId });
        builder.HasOne<MTurkLaunch>().WithMany().HasForeignKey(r => r.LaunchId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<TaskSession>().WithMany().HasForeignKey(r => r.TaskSessionId).OnDelete(DeleteBehavior.SetNull);
    }
}
