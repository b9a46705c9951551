using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PainBias.Data.Entities;

namespace PainBias.Data.Configuration;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.Property(a => a.ActorId).HasMaxLength(450);
        builder.Property(a => a.Action).HasMaxLength(64);
        builder.Property(a => a.TargetType).HasMaxLength(32);
        builder.Property(a => a.TargetId).HasMaxLength(200);
        builder.Property(a => a.Details).HasMaxLength(4000);
        builder.Property(a => a.Outcome).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(a => a.At);
        builder.HasIndex(a => new { a.TargetType, a.TargetId });
    }
}
