using Hangfire;
using Microsoft.EntityFrameworkCore;
using PainBias.Data;
using PainBias.Data.Entities;

namespace PainBias.Jobs.Generation;

/// <summary>Records a generation run (so its progress has a row from the start) and queues its job on the gpu queue.</summary>
public sealed class VariantGenerationQueue(IDbContextFactory<PainBiasDbContext> contexts, IBackgroundJobClient jobs, TimeProvider clock)
{
    /// <summary>The new run's id. The caller checks that the actor may use the study; the request must have no <see cref="GenerationRequest.Problems"/>.</summary>
    public async Task<Guid> EnqueueAsync(Guid studyId, GenerationRequest request, CancellationToken cancellationToken)
    {
        if (request.Problems() is { Count: > 0 } problems)
            throw new ArgumentException(string.Join(" ", problems), nameof(request));
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var run = new GenerationRun
        {
            Id = Guid.CreateVersion7(),
            StudyId = studyId,
            RequestJson = request.ToJson(),
            State = GenerationState.Queued,
            RequestedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.GenerationRuns.Add(run);
        await db.SaveChangesAsync(cancellationToken);
        var jobId = jobs.Enqueue<GenerateVariantsJob>(Queues.Gpu, job => job.RunAsync(run.Id, CancellationToken.None));
        await db.GenerationRuns.Where(r => r.Id == run.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.JobId, jobId), cancellationToken);
        return run.Id;
    }
}
