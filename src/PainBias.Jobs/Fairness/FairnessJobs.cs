using Hangfire;
using Microsoft.EntityFrameworkCore;
using PainBias.Data;
using PainBias.Data.Entities;

namespace PainBias.Jobs.Fairness;

/// <summary>Creates fairness runs and audits and queues their jobs: features on the gpu queue, then training on the default queue.</summary>
public sealed class FairnessJobs(IDbContextFactory<PainBiasDbContext> contexts, IBackgroundJobClient jobs, TimeProvider clock)
{
    public async Task<Guid> StartRunAsync(Guid studyId, int folds, long seed, IReadOnlyDictionary<Guid, double>? externalLabels, string? labelsFile,
        string createdBy, CancellationToken cancellationToken)
    {
        var run = new FairnessRun
        {
            Id = Guid.CreateVersion7(), StudyId = studyId, Folds = folds, Seed = seed, Status = AnalysisStatus.Queued, CreatedBy = createdBy,
            ExternalLabelsJson = externalLabels is null ? null : System.Text.Json.JsonSerializer.Serialize(externalLabels, FairnessJson.Options),
            ExternalLabelsFile = labelsFile, ProgressText = "Queued", CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            db.FairnessRuns.Add(run);
            await db.SaveChangesAsync(cancellationToken);
        }

        var features = jobs.Enqueue<FeatureExtractionJob>(j => j.RunAsync(studyId, run.Id, CancellationToken.None));
        // Also after an extraction that gave up (deleted once its retries are spent): training then fails the run with the reason.
        jobs.ContinueJobWith<FairnessExperimentJob>(features, j => j.RunAsync(run.Id, CancellationToken.None), options: JobContinuationOptions.OnAnyFinishedState);
        return run.Id;
    }

    public async Task<Guid> StartAuditAsync(Guid studyId, string name, string manifestJson, string modelSha256, string? fileName, string createdBy,
        CancellationToken cancellationToken)
    {
        var audit = new FairnessAudit
        {
            Id = Guid.CreateVersion7(), StudyId = studyId, Name = name, ManifestJson = manifestJson, ModelSha256 = modelSha256, FileName = fileName,
            Status = AnalysisStatus.Queued, ProgressText = "Queued", CreatedBy = createdBy, CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            db.FairnessAudits.Add(audit);
            await db.SaveChangesAsync(cancellationToken);
        }

        jobs.Enqueue<FairnessAuditJob>(j => j.RunAsync(audit.Id, CancellationToken.None));
        return audit.Id;
    }
}
