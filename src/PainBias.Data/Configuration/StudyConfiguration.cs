using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PainBias.Data.Entities;

namespace PainBias.Data.Configuration;

internal sealed class StudyConfiguration : IEntityTypeConfiguration<Study>
{
    public void Configure(EntityTypeBuilder<Study> builder)
    {
        builder.Property(s => s.Name).HasMaxLength(200);
        builder.Property(s => s.Description).HasMaxLength(4000);
        builder.Property(s => s.OwnerId).HasMaxLength(450);
        builder.Property(s => s.ExportSalt).HasMaxLength(64);
        builder.HasIndex(s => s.OwnerId);
        builder.Property(s => s.ExcludeFor).HasConversion<int>();
        builder.Property(s => s.RejectFor).HasConversion<int>();
        builder.HasOne<PainBiasUser>().WithMany().HasForeignKey(s => s.OwnerId).OnDelete(DeleteBehavior.Restrict);
    }
}
