using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using PainBias.Crowd.MTurk;
using PainBias.Data;
using PainBias.Data.Entities;

namespace PainBias.Jobs.Crowd;

/// <summary>Totals of a launch's ledger, for the researcher's page.</summary>
public sealed record BonusTotals(int Queued, int Sending, int Paid, int PaidCents, int OwedCents);

/// <summary>
/// Bonuses owed to MTurk workers: written to the ledger first, sent once the worker's assignment is submitted, each
/// send keyed by the row's UniqueRequestToken so a resend (after a crash or a lost answer) never pays twice.
/// </summary>
public sealed class MTurkBonusLedger(IDbContextFactory<PainBiasDbContext> contexts, TimeProvider clock, ILogger<MTurkBonusLedger> logger)
{
    public const int MaxBonusCents = 100_00;

    public async Task<Guid> QueueAsync(Guid launchId, string workerId, int amountCents, string reason, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(workerId);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        if (amountCents is < 1 or > MaxBonusCents)
            throw new ArgumentOutOfRangeException(nameof(amountCents), amountCents, $"A bonus is 1 cent to {MaxBonusCents / 100} dollars.");
        if (reason.Length > 1024)
            throw new ArgumentException("MTurk takes at most 1024 characters of reason.", nameof(reason));
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = new MTurkBonus
        {
            Id = Guid.NewGuid(), LaunchId = launchId, WorkerId = workerId.Trim(), AmountCents = amountCents, Reason = reason.Trim(),
            State = MTurkBonusState.Queued, CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.MTurkBonuses.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        return row.Id;
    }

    public async Task<BonusTotals> TotalsAsync(Guid launchId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.MTurkBonuses.AsNoTracking().Where(b => b.LaunchId == launchId)
            .Select(b => new { b.State, b.AmountCents }).ToListAsync(cancellationToken);
        return new BonusTotals(
            rows.Count(r => r.State == MTurkBonusState.Queued),
            rows.Count(r => r.State == MTurkBonusState.Sending),
            rows.Count(r => r.State == MTurkBonusState.Paid),
            rows.Where(r => r.State == MTurkBonusState.Paid).Sum(r => r.AmountCents),
            rows.Where(r => r.State != MTurkBonusState.Paid).Sum(r => r.AmountCents));
    }

    /// <summary>Sends every due bonus of a launch. "Sending" rows are the ones whose outcome is unknown: they are resent with their token.</summary>
    internal async Task<int> PayDueAsync(PainBiasDbContext db, IMTurkClient client, MTurkLaunch launch, CancellationToken ct)
    {
        var due = await db.MTurkBonuses.Where(b => b.LaunchId == launch.Id && b.State != MTurkBonusState.Paid)
            .OrderBy(b => b.CreatedAt).ToListAsync(ct);
        if (due.Count == 0)
            return 0;
        var assignments = await db.MTurkAssignmentReviews.AsNoTracking().Where(r => r.LaunchId == launch.Id)
            .OrderBy(r => r.SubmittedAt).Select(r => new { r.WorkerId, r.AssignmentId }).ToListAsync(ct);
        var paid = 0;
        foreach (var bonus in due)
        {
            bonus.AssignmentId ??= assignments.FirstOrDefault(a => a.WorkerId == bonus.WorkerId)?.AssignmentId;
            if (bonus.AssignmentId is null)
                continue; // Queued until the worker's assignment is submitted.

            bonus.State = MTurkBonusState.Sending;
            bonus.Attempts++;
            await db.SaveChangesAsync(ct);
            try
            {
                // A DuplicateRequest answer means this token was paid before; the client reports that as success.
                await client.SendBonusAsync(new SendBonusRequest
                {
                    WorkerId = bonus.WorkerId, AssignmentId = bonus.AssignmentId, Reason = bonus.Reason,
                    BonusAmount = MTurkAmount.Format(bonus.AmountCents / 100m), UniqueRequestToken = bonus.RequestToken,
                }, ct);
                bonus.State = MTurkBonusState.Paid;
                bonus.PaidAt = clock.GetUtcNow().UtcDateTime;
                bonus.LastError = null;
                paid++;
            }
            catch (MTurkException e)
            {
                bonus.LastError = e.Message;
                logger.LogWarning("Bonus {BonusId} of launch {LaunchId} not sent yet: {Error}", bonus.Id, launch.Id, e.Message);
            }

            await db.SaveChangesAsync(CancellationToken.None);
        }

        return paid;
    }
}
