using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using PainBias.Data;
using PainBias.Data.Allocation;
using PainBias.Data.Entities;

namespace PainBias.Jobs.Housekeeping;

/// <summary>
/// Returns held slots whose hold has run out to the pool, as the design asks (the allocator also does this lazily for
/// the study it allocates in). Safe to rerun at any time; the slot counters follow through their triggers.
/// </summary>
public sealed class ExpireReservationsJob(IDbContextFactory<PainBiasDbContext> contexts, TimeProvider clock, ILogger<ExpireReservationsJob> logger)
{
    public const string RecurringId = "expire-reservations";

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        // A hold that has just run out may belong to a rating being written right now; the allocator counts it as
        // taken for SubmitGrace, and so does this job.
        var now = clock.GetUtcNow().UtcDateTime;
        var cutoff = now - SlotAllocator.SubmitGrace;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var studies = await db.Reservations
            .Where(r => r.Status == ReservationStatus.Held && r.HeldUntil <= cutoff)
            .Select(r => r.StudyId).Distinct().ToListAsync(cancellationToken);
        var expired = 0;
        // Study by study, under the same per-study lock as the allocator's own expiry.
        foreach (var studyId in studies)
            expired += await SlotAllocator.ExpireHoldsAsync(db, studyId, now, cancellationToken);
        if (expired > 0)
            logger.LogInformation("Expired {Count} held reservations", expired);
        return expired;
    }
}
