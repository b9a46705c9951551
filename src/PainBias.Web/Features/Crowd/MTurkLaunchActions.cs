using Hangfire;
using Microsoft.EntityFrameworkCore;
using PainBias.Crowd.MTurk;
using PainBias.Data;
using PainBias.Jobs.Crowd;
using PainBias.Web.Features.Studies;
using PainBias.Web.Hosting;

namespace PainBias.Web.Features.Crowd;

/// <summary>What a researcher does to a published launch: expire, extend, sync now, queue a bonus. Each checks ownership first.</summary>
public sealed class MTurkLaunchActions(
    IDbContextFactory<PainBiasDbContext> contexts, MTurkHitControl control, MTurkBonusLedger bonuses, IBackgroundJobClient jobs)
{
    public Task<string?> ExpireAsync(Guid launchId, Actor actor, CancellationToken ct) =>
        RunAsync(launchId, actor, async () => $"{await control.ExpireAsync(launchId, ct)} HIT(s) expired.");

    public Task<string?> ExtendAsync(Guid launchId, int hours, Actor actor, CancellationToken ct) =>
        hours is < 1 or > 24 * 365
            ? Task.FromResult<string?>("Extend by 1 hour to 365 days.")
            : RunAsync(launchId, actor, async () => $"{await control.ExtendAsync(launchId, hours, ct)} HIT(s) extended by {hours} h.");

    public Task<string?> SyncNowAsync(Guid launchId, Actor actor, CancellationToken ct) =>
        RunAsync(launchId, actor, () =>
        {
            jobs.Enqueue<MTurkSyncJob>(j => j.SyncLaunchAsync(launchId, CancellationToken.None));
            return Task.FromResult("Sync queued.");
        });

    public Task<string?> QueueBonusAsync(Guid launchId, string workerId, decimal dollars, string reason, Actor actor, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(workerId) || workerId.Length > 64)
            return Task.FromResult<string?>("Worker id: the MTurk worker id, at most 64 characters.");
        if (string.IsNullOrWhiteSpace(reason) || reason.Length > 1024)
            return Task.FromResult<string?>("Reason: 1 to 1024 characters; the worker reads it.");
        if (dollars * 100 is < 1 or > MTurkBonusLedger.MaxBonusCents || decimal.Round(dollars, 2) != dollars)
            return Task.FromResult<string?>($"Amount: whole cents from $0.01 to ${MTurkBonusLedger.MaxBonusCents / 100}.");
        return RunAsync(launchId, actor, async () =>
        {
            await bonuses.QueueAsync(launchId, workerId, (int)(dollars * 100), reason, ct);
            return $"Bonus of ${dollars:0.00} queued for {workerId.Trim()}; it is paid at the next sync once the worker's assignment is in.";
        });
    }

    /// <summary>The action's outcome in words; MTurk failures become a message rather than an error page.</summary>
    private async Task<string?> RunAsync(Guid launchId, Actor actor, Func<Task<string>> action)
    {
        await using (var db = await contexts.CreateDbContextAsync())
        {
            var visible = await db.MTurkLaunches.AnyAsync(l => l.Id == launchId && db.Studies.VisibleTo(actor).Any(s => s.Id == l.StudyId));
            if (!visible)
                return "Launch not found, or it is not yours.";
        }

        try
        {
            return await action();
        }
        catch (MTurkException e)
        {
            return e.Message;
        }
        catch (MTurkConfigurationException e)
        {
            return e.Message;
        }
    }
}
