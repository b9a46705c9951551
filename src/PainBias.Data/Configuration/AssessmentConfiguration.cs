using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PainBias.Data.Allocation;
using PainBias.Data.Entities;

namespace PainBias.Data.Configuration;

internal sealed class AssessmentConfiguration : IEntityTypeConfiguration<Assessment>
{
    public void Configure(EntityTypeBuilder<Assessment> builder)
    {
        builder.Property(a => a.Platform).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.PerceivedRaceAnswer).HasConversion<string>().HasMaxLength(8);
        builder.Property(a => a.PerceivedAgeAnswer).HasConversion<string>().HasMaxLength(8);
        builder.Property(a => a.ExclusionReasons).HasConversion<int>();
        builder.HasIndex(a => a.IdempotencyKey).IsUnique();
        builder.HasIndex(a => a.ReservationId).IsUnique();
        builder.HasIndex(a => new { a.StudyId, a.Included });
        // The identical-answers signal looks up a study's ratings by their AU values at every submit.
        builder.HasIndex(a => new { a.StudyId, a.Au4, a.Au6, a.Au7, a.Au9, a.Au10, a.Au43 });
        // The task counts a worker's ratings on every page load and submit.
        builder.HasIndex(a => new { a.StudyId, a.WorkerId });
        builder.Ignore(a => a.Rating);
        builder.ToTable(t =>
        {
            // Out-of-range AU values are refused by the database too, whatever code wrote them.
            t.HasCheckConstraint("CK_Assessment_Au", "\"Au4\" BETWEEN 0 AND 5 AND \"Au6\" BETWEEN 0 AND 5 AND \"Au7\" BETWEEN 0 AND 5 AND \"Au9\" BETWEEN 0 AND 5 AND \"Au10\" BETWEEN 0 AND 5 AND \"Au43\" BETWEEN 0 AND 1");
            t.HasCheckConstraint("CK_Assessment_Pspi", "\"Pspi\" BETWEEN 0 AND 16");
            // Keeps VariantSlotCounters.Filled; SQLite's RETURNING does not mix with AFTER triggers.
            t.HasTrigger(SlotCounters.AssessmentsTrigger);
            t.UseSqlReturningClause(false);
        });
        builder.HasOne<Reservation>().WithMany().HasForeignKey(a => a.ReservationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Variant>().WithMany().HasForeignKey(a => a.VariantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Worker>().WithMany().HasForeignKey(a => a.WorkerId).OnDelete(DeleteBehavior.Restrict);
        // Ratings are never deleted: a study that has any cannot be deleted either.
        builder.HasOne<Study>().WithMany().HasForeignKey(a => a.StudyId).OnDelete(DeleteBehavior.Restrict);
    }
}
