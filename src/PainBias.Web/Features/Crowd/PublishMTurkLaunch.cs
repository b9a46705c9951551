using Hangfire;
using Microsoft.EntityFrameworkCore;
using PainBias.Crowd.MTurk;
using PainBias.Data;
using PainBias.Data.Entities;
using PainBias.Jobs.Crowd;
using PainBias.Web.Features.Studies;
using PainBias.Web.Hosting;

namespace PainBias.Web.Features.Crowd;

/// <summary>
/// The last step before money is spent: the cost estimate and the account balance (which also proves the credentials),
/// then the publishing job on the crowd queue. Live launches need the researcher to confirm the exact total shown.
/// </summary>
public static class PublishMTurkLaunch
{
    public sealed record Estimate(bool Sandbox, int Hits, MTurkCost Cost, MTurkAccountStatus Account);

    public sealed class Handler(IDbContextFactory<PainBiasDbContext> contexts, IMTurkClientFactory clients, IBackgroundJobClient jobs)
    {
        public async Task<Estimate?> EstimateAsync(Guid launchId, Actor actor, CancellationToken cancellationToken)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var launch = await FindAsync(db, launchId, actor, cancellationToken);
            return launch is null ? null : await EstimateAsync(launch, cancellationToken);
        }

        /// <summary>Null when the job was queued; otherwise why not, and nothing was sent to MTurk.</summary>
        public async Task<string?> PublishAsync(Guid launchId, Actor actor, decimal? confirmedTotal, CancellationToken cancellationToken)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var launch = await FindAsync(db, launchId, actor, cancellationToken);
            if (launch is null)
                return "Launch not found, or it is not yours.";
            if (launch.Status is MTurkLaunchStatus.Published or MTurkLaunchStatus.Closed)
                return "This launch is already published.";

            var study = await db.Studies.AsNoTracking().SingleAsync(s => s.Id == launch.StudyId, cancellationToken);
            var quota = await MTurkQuota.ForAsync(db, study, launch.Sandbox, launch.Id, cancellationToken);
            if (launch.TotalAssignments > quota.Remaining)
                return $"Only {quota.Remaining} of the study's {quota.Needed} MTurk assignments are left to launch; this launch has {launch.TotalAssignments}. Save a new one.";

            var estimate = await EstimateAsync(launch, cancellationToken);
            if (!estimate.Account.Usable)
                return estimate.Account.Problem;
            if (!launch.Sandbox)
            {
                if (confirmedTotal != estimate.Cost.Total)
                    return $"Live MTurk spends real money: confirm the total of ${estimate.Cost.Total:0.00} (rewards, bonuses and MTurk fees) first.";
                if (estimate.Account.AvailableBalance is { } balance && balance < estimate.Cost.Total)
                    return $"The MTurk balance (${balance:0.00}) does not cover the total of ${estimate.Cost.Total:0.00}.";
            }

            launch.Status = MTurkLaunchStatus.Publishing;
            launch.LastError = null;
            await db.SaveChangesAsync(cancellationToken);
            jobs.Enqueue<MTurkPublisher>(p => p.PublishAsync(launch.Id, CancellationToken.None));
            return null;
        }

        private async Task<Estimate> EstimateAsync(MTurkLaunch launch, CancellationToken ct)
        {
            var batches = HitBatches.Plan(launch.TotalAssignments);
            var account = await MTurkAccountCheck.CheckAsync(clients.For(launch.Sandbox), launch.Sandbox, ct);
            return new Estimate(launch.Sandbox, batches.Count, MTurkHitRequests.Cost(launch, batches), account);
        }

        private static Task<MTurkLaunch?> FindAsync(PainBiasDbContext db, Guid launchId, Actor actor, CancellationToken ct) =>
            db.MTurkLaunches.Where(l => l.Id == launchId && db.Studies.VisibleTo(actor).Any(s => s.Id == l.StudyId)).SingleOrDefaultAsync(ct);
    }
}
