using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using PainBias.Data;
using PainBias.Data.Allocation;
using PainBias.Data.Entities;

namespace PainBias.Jobs.Housekeeping;

/// <summary>Returns held slots whose hold has run out to the pool, as the design asks. Safe to rerun at any time.</summary>
public sealed class ExpireReservationsJob(IDbContextFactory<PainBiasDbContext> contexts, TimeProvider clock, ILogger<ExpireReservationsJob> logger)
{
    public const string RecurringId = "expire-reservations";

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        // A hold that has just run out may belong to a rating being written right now; the allocator counts it as
        // taken for SubmitGrace, and so does this job.
        var cutoff = clock.GetUtcNow().UtcDateTime - SlotAllocator.SubmitGrace;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var expired = await db.Reservations
            .Where(r => r.Status == ReservationStatus.Held && r.HeldUntil < cutoff)
            .ExecuteUpdateAsync(r => r.SetProperty(x => x.Status, ReservationStatus.Expired), cancellationToken);
        if (expired > 0)
            logger.LogInformation("Expired {Count} held reservations", expired);
        return expired;
    }
}
