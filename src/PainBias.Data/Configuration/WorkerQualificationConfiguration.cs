using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PainBias.Data.Entities;

namespace PainBias.Data.Configuration;

internal sealed class WorkerQualificationConfiguration : IEntityTypeConfiguration<WorkerQualification>
{
    public void Configure(EntityTypeBuilder<WorkerQualification> builder)
    {
        builder.Property(q => q.QualificationTypeId).HasMaxLength(64);
        builder.Property(q => q.GrantedBy).HasMaxLength(450);
        builder.Property(q => q.RevokedBy).HasMaxLength(450);
        builder.Property(q => q.RevokeReason).HasMaxLength(1000);
        builder.HasIndex(q => new { q.WorkerId, q.QualificationTypeId });
        builder.HasOne<Worker>().WithMany().HasForeignKey(q => q.WorkerId).OnDelete(DeleteBehavior.Cascade);
    }
}
