using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PainBias.Data.Entities;

namespace PainBias.Data.Configuration;

internal sealed class MTurkBonusConfiguration : IEntityTypeConfiguration<MTurkBonus>
{
    public void Configure(EntityTypeBuilder<MTurkBonus> builder)
    {
        builder.Property(b => b.WorkerId).HasMaxLength(64);
        builder.Property(b => b.AssignmentId).HasMaxLength(64);
        builder.Property(b => b.Reason).HasMaxLength(1024);
        builder.Property(b => b.State).HasConversion<string>().HasMaxLength(16).IsConcurrencyToken();
        builder.Property(b => b.LastError).HasMaxLength(2000);
        builder.Ignore(b => b.RequestToken);
        builder.HasIndex(b => new { b.LaunchId, b.WorkerId });
        builder.ToTable(t => t.HasCheckConstraint("CK_MTurkBonus_Amount", "\"AmountCents\" > 0"));
        builder.HasOne<MTurkLaunch>().WithMany().HasForeignKey(b => b.LaunchId).OnDelete(DeleteBehavior.Cascade);
    }
}
