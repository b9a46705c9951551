using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PainBias.Data.Entities;

namespace PainBias.Data.Configuration;

internal sealed class ImageFeatureConfiguration : IEntityTypeConfiguration<ImageFeature>
{
    public void Configure(EntityTypeBuilder<ImageFeature> builder)
    {
        builder.Property(f => f.ImageSha256).HasMaxLength(64);
        builder.Property(f => f.ModelSha256).HasMaxLength(64);
        builder.Property(f => f.Extractor).HasMaxLength(32);
        builder.Property(f => f.Node).HasMaxLength(200);
        // One vector per image and model: a retried or concurrent extraction cannot add a second.
        builder.HasIndex(f => new { f.ImageSha256, f.ModelSha256 }).IsUnique();
    }
}
