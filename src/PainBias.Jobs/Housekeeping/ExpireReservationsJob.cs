using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using PainBias.Data;
using PainBias.Data.Entities;

namespace PainBias.Jobs.Housekeeping;

/// <summary>Returns held slots whose hold has run out to the pool, as the design asks. Safe to rerun at any time.</summary>
public sealed class ExpireReservationsJob(IDbContextFactory<PainBiasDbContext> contexts, TimeProvider clock, ILogger<ExpireReservationsJob> logger)
{
    public const string RecurringId = "expire-reservations";

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var expired = await db.Reservations
            .Where(r => r.Status == ReservationStatus.Held && r.HeldUntil < now)
            .ExecuteUpdateAsync(r => r.SetProperty(x => x.Status, ReservationStatus.Expired), cancellationToken);
        if (expired > 0)
            logger.LogInformation("Expired {Count} held reservations", expired);
        return expired;
    }
}
