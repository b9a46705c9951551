using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PainBias.Data.Entities;

namespace PainBias.Data.Configuration;

internal sealed class CredamoImportConfiguration : IEntityTypeConfiguration<CredamoImport>
{
    public void Configure(EntityTypeBuilder<CredamoImport> builder)
    {
        builder.Property(i => i.FileName).HasMaxLength(260);
        builder.Property(i => i.RawSha256).HasMaxLength(64);
        builder.Property(i => i.Encoding).HasMaxLength(32);
        builder.Property(i => i.ImportedBy).HasMaxLength(450);
        builder.HasIndex(i => new { i.StudyId, i.ImportedAt });
        builder.HasOne<Study>().WithMany().HasForeignKey(i => i.StudyId).OnDelete(DeleteBehavior.Cascade);
        // The raw file stays as long as the import that read it.
        builder.HasOne<Blob>().WithMany().HasForeignKey(i => i.RawSha256).OnDelete(DeleteBehavior.Restrict);
    }
}
