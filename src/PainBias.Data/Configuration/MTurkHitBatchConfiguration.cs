using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PainBias.Data.Entities;

namespace PainBias.Data.Configuration;

internal sealed class MTurkHitBatchConfiguration : IEntityTypeConfiguration<MTurkHitBatch>
{
    public void Configure(EntityTypeBuilder<MTurkHitBatch> builder)
    {
        builder.Property(b => b.State).HasConversion<string>().HasMaxLength(16);
        builder.Property(b => b.HitId).HasMaxLength(64);
        builder.Property(b => b.LastError).HasMaxLength(2000);
        builder.Ignore(b => b.RequestToken);
        builder.HasIndex(b => new { b.LaunchId, b.Index }).IsUnique();
        builder.HasIndex(b => b.HitId).IsUnique();
        builder.HasOne<MTurkLaunch>().WithMany().HasForeignKey(b => b.LaunchId).OnDelete(DeleteBehavior.Cascade);
    }
}
