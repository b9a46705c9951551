using Hangfire;
using Microsoft.EntityFrameworkCore;
using PainBias.Data;
using PainBias.Jobs;
using PainBias.Jobs.Quality;
using PainBias.Web.Features.Studies;
using PainBias.Web.Hosting;

namespace PainBias.Web.Features.Quality;

/// <summary>Queues the study's quality check on the default queue; the job skips pairs already checked with the same inputs.</summary>
public sealed class RunQualityChecks(IDbContextFactory<PainBiasDbContext> contexts, IBackgroundJobClient jobs)
{
    /// <summary>The Hangfire job id, or null when the study is not the actor's.</summary>
    public async Task<string?> EnqueueAsync(Guid studyId, Actor actor, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!await db.Studies.VisibleTo(actor).AnyAsync(s => s.Id == studyId, cancellationToken))
            return null;
        return jobs.Enqueue<QualityCheckJob>(Queues.Default, job => job.RunAsync(studyId, CancellationToken.None));
    }
}
