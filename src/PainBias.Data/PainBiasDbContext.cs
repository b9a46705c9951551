using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using PainBias.Data.Entities;

namespace PainBias.Data;

/// <summary>
/// The platform's one database: studies, faces, variants, images, workers, slots and ratings, plus Identity and
/// data-protection keys (so every web node accepts every cookie).
///
/// Migrations live per provider under migrations/. To add one (from the repository root):
///   dotnet tool restore
///   dotnet ef migrations add NAME --project migrations/PainBias.Migrations.Sqlite --startup-project migrations/PainBias.Migrations.Sqlite
///   dotnet ef migrations add NAME --project migrations/PainBias.Migrations.Postgres --startup-project migrations/PainBias.Migrations.Postgres
/// </summary>
public sealed class PainBiasDbContext(DbContextOptions<PainBiasDbContext> options)
    : IdentityDbContext<PainBiasUser>(options), IDataProtectionKeyContext
{
    public DbSet<Study> Studies => Set<Study>();
    public DbSet<SourceFace> SourceFaces => Set<SourceFace>();
    public DbSet<Variant> Variants => Set<Variant>();
    public DbSet<Blob> Blobs => Set<Blob>();
    public DbSet<Worker> Workers => Set<Worker>();
    public DbSet<Reservation> Reservations => Set<Reservation>();
    public DbSet<Assessment> Assessments => Set<Assessment>();
    public DbSet<VariantRatingSummary> VariantRatingSummaries => Set<VariantRatingSummary>();
    public DbSet<VariantSlotCounter> VariantSlotCounters => Set<VariantSlotCounter>();
    public DbSet<TaskSession> TaskSessions => Set<TaskSession>();
    public DbSet<GoldItem> GoldItems => Set<GoldItem>();
    public DbSet<ParticipantLink> ParticipantLinks => Set<ParticipantLink>();
    public DbSet<CredamoImport> CredamoImports => Set<CredamoImport>();
    public DbSet<WorkerQualification> WorkerQualifications => Set<WorkerQualification>();
    public DbSet<StudyExclusion> StudyExclusions => Set<StudyExclusion>();
    public DbSet<StudyLink> StudyLinks => Set<StudyLink>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<MTurkLaunch> MTurkLaunches => Set<MTurkLaunch>();
    public DbSet<MTurkHitBatch> MTurkHitBatches => Set<MTurkHitBatch>();
    public DbSet<MTurkAssignmentReview> MTurkAssignmentReviews => Set<MTurkAssignmentReview>();
    public DbSet<MTurkBonus> MTurkBonuses => Set<MTurkBonus>();
    public DbSet<QualityCheck> QualityChecks => Set<QualityCheck>();
    public DbSet<QualityModel> QualityModels => Set<QualityModel>();
    public DbSet<VariantEditor> VariantEditors => Set<VariantEditor>();
    public DbSet<GenerationRun> GenerationRuns => Set<GenerationRun>();
    public DbSet<ImageFeature> ImageFeatures => Set<ImageFeature>();
    public DbSet<FairnessRun> FairnessRuns => Set<FairnessRun>();
    public DbSet<FairnessAudit> FairnessAudits => Set<FairnessAudit>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(PainBiasDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every DateTime is UTC: refused on write when it is not, and marked UTC when read back
        // (SQLite stores text and would otherwise return Kind=Unspecified).
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }
}
