using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PainBias.Data.Entities;

namespace PainBias.Data.Configuration;

internal sealed class GoldItemConfiguration : IEntityTypeConfiguration<GoldItem>
{
    public void Configure(EntityTypeBuilder<GoldItem> builder)
    {
        builder.Property(g => g.ImageSha256).HasMaxLength(64);
        builder.HasIndex(g => new { g.StudyId, g.Order });
        builder.ToTable(t =>
        {
            t.HasCheckConstraint("CK_GoldItem_Au", "\"Au4\" BETWEEN 0 AND 5 AND \"Au6\" BETWEEN 0 AND 5 AND \"Au7\" BETWEEN 0 AND 5 AND \"Au9\" BETWEEN 0 AND 5 AND \"Au10\" BETWEEN 0 AND 5 AND \"Au43\" BETWEEN 0 AND 1");
            t.HasCheckConstraint("CK_GoldItem_Tolerance", "\"Tolerance\" BETWEEN 0 AND 5");
        });
        builder.HasOne<Study>().WithMany().HasForeignKey(g => g.StudyId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Blob>().WithMany().HasForeignKey(g => g.ImageSha256).OnDelete(DeleteBehavior.Restrict);
    }
}
