using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PainBias.Data.Entities;

namespace PainBias.Data.Configuration;

internal sealed class MTurkLaunchConfiguration : IEntityTypeConfiguration<MTurkLaunch>
{
    public void Configure(EntityTypeBuilder<MTurkLaunch> builder)
    {
        builder.Property(l => l.Status).HasConversion<string>().HasMaxLength(16).IsConcurrencyToken();
        builder.Property(l => l.Unmatched).HasConversion<string>().HasMaxLength(16);
        builder.Property(l => l.RejectFor).HasConversion<int>();
        builder.Property(l => l.Title).HasMaxLength(128);
        builder.Property(l => l.Description).HasMaxLength(2000);
        builder.Property(l => l.Keywords).HasMaxLength(1000);
        builder.Property(l => l.TaskUrl).HasMaxLength(1000);
        builder.Property(l => l.Locales).HasMaxLength(200);
        builder.Property(l => l.ScreeningQualificationTypeId).HasMaxLength(64);
        builder.Property(l => l.ExcludedQualificationTypeIds).HasMaxLength(2000);
        builder.Property(l => l.HitTypeId).HasMaxLength(64);
        builder.Property(l => l.TookPartQualificationTypeId).HasMaxLength(64);
        builder.Property(l => l.ApproveFeedback).HasMaxLength(1024);
        builder.Property(l => l.RejectFeedback).HasMaxLength(1024);
        builder.Property(l => l.LastError).HasMaxLength(2000);
        builder.HasIndex(l => l.StudyId);
        builder.HasOne<Study>().WithMany().HasForeignKey(l => l.StudyId).OnDelete(DeleteBehavior.Restrict);
    }
}
