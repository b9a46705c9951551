using Microsoft.EntityFrameworkCore;
using PainBias.Crowd.MTurk;
using PainBias.Data;
using PainBias.Data.Entities;

namespace PainBias.Jobs.Crowd;

/// <summary>Ends a launch's HITs early, or gives them more time. Submitted work stays reviewable either way.</summary>
public sealed class MTurkHitControl(IDbContextFactory<PainBiasDbContext> contexts, IMTurkClientFactory clients, TimeProvider clock)
{
    /// <summary>Expires every open HIT now: no new worker can accept it.</summary>
    public Task<int> ExpireAsync(Guid launchId, CancellationToken cancellationToken) =>
        UpdateAsync(launchId, (_, now) => now, MTurkLaunchStatus.Closed, cancellationToken);

    /// <summary>Moves every HIT's expiry <paramref name="hours"/> later (from now when it has already expired).</summary>
    public Task<int> ExtendAsync(Guid launchId, int hours, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(hours, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(hours, 24 * 365);
        return UpdateAsync(launchId, (expiration, now) => (expiration > now ? expiration : now).AddHours(hours), MTurkLaunchStatus.Published, cancellationToken);
    }

    private async Task<int> UpdateAsync(Guid launchId, Func<DateTime, DateTime, DateTime> next, MTurkLaunchStatus status, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var launch = await db.MTurkLaunches.SingleAsync(l => l.Id == launchId, ct);
        var client = clients.For(launch.Sandbox);
        var batches = await db.MTurkHitBatches
            .Where(b => b.LaunchId == launchId && b.State == MTurkBatchState.Created && b.HitId != null)
            .OrderBy(b => b.Index).ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var batch in batches)
        {
            var expireAt = next(batch.Expiration ?? now, now);
            await client.UpdateExpirationForHITAsync(new UpdateExpirationForHITRequest
            {
                HITId = batch.HitId!, ExpireAt = new DateTimeOffset(expireAt, TimeSpan.Zero),
            }, ct);
            batch.Expiration = expireAt;
            // Saved per HIT: a failure halfway leaves the record true to what MTurk holds.
            await db.SaveChangesAsync(ct);
        }

        if (launch.Status is MTurkLaunchStatus.Published or MTurkLaunchStatus.Closed)
            launch.Status = status;
        await db.SaveChangesAsync(ct);
        return batches.Count;
    }
}
