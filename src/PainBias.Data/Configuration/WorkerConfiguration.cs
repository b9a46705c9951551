using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PainBias.Data.Entities;

namespace PainBias.Data.Configuration;

internal sealed class WorkerConfiguration : IEntityTypeConfiguration<Worker>
{
    public void Configure(EntityTypeBuilder<Worker> builder)
    {
        builder.Property(w => w.Platform).HasConversion<string>().HasMaxLength(16);
        builder.Property(w => w.ExternalId).HasMaxLength(200);
        builder.Property(w => w.BlockReason).HasMaxLength(1000);
        builder.HasIndex(w => new { w.Platform, w.ExternalId }).IsUnique();
    }
}
