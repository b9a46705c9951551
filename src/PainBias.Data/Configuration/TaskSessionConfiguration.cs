using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PainBias.Data.Entities;

namespace PainBias.Data.Configuration;

internal sealed class TaskSessionConfiguration : IEntityTypeConfiguration<TaskSession>
{
    public void Configure(EntityTypeBuilder<TaskSession> builder)
    {
        builder.Property(s => s.Platform).HasConversion<string>().HasMaxLength(16);
        // Two requests of one session (a refresh while a rating is being stored) must not overwrite each other's step
        // or slot: the second writer gets a concurrency error and re-reads.
        builder.Property(s => s.Step).HasConversion<string>().HasMaxLength(16).IsConcurrencyToken();
        builder.Property(s => s.ReservationId).IsConcurrencyToken();
        builder.Property(s => s.ScreeningIndex).IsConcurrencyToken();
        builder.Property(s => s.Culture).HasMaxLength(16);
        builder.Property(s => s.CompletionCode).HasMaxLength(32);
        builder.Property(s => s.IssuedCompletionCode).HasMaxLength(32);
        builder.Property(s => s.AssignmentId).HasMaxLength(200);
        builder.Property(s => s.HitId).HasMaxLength(200);
        builder.Property(s => s.TurkSubmitTo).HasMaxLength(200);
        // One pass per worker and study: a returning worker resumes, two concurrent arrivals cannot make two sessions.
        builder.HasIndex(s => new { s.StudyId, s.WorkerId }).IsUnique();
        builder.HasIndex(s => s.CompletionCode).IsUnique();
        builder.Property(s => s.NetworkHash).HasMaxLength(64);
        builder.HasIndex(s => new { s.StudyId, s.NetworkHash });
        // The dashboard's screening pass rate reads only these columns of screened sessions: an index-only scan
        // instead of reading every session row of the study.
        builder.HasIndex(s => new { s.StudyId, s.Platform, s.Step }, "IX_TaskSessions_Screened")
            .HasFilter("\"ComprehensionPassed\" IS NOT NULL AND NOT \"IsPreview\"");
        builder.HasOne<Study>().WithMany().HasForeignKey(s => s.StudyId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Worker>().WithMany().HasForeignKey(s => s.WorkerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Reservation>().WithMany().HasForeignKey(s => s.ReservationId).OnDelete(DeleteBehavior.Restrict);
    }
}
