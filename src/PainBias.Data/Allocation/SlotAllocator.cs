using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using PainBias.Core.Domain;
using PainBias.Data.Entities;

namespace PainBias.Data.Allocation;

/// <summary>
/// Gives an arriving worker one slot of a study: the eligible variant with the fewest filled + held slots on the
/// worker's platform (random tie), never a second variant of a face the worker already has. Counting and inserting
/// happen under a lock the database holds (a per-study advisory transaction lock on PostgreSQL, an immediate write
/// transaction on SQLite), so concurrent arrivals on any number of web nodes can never over-fill a variant.
/// </summary>
public sealed class SlotAllocator(IDbContextFactory<PainBiasDbContext> contexts, ResolvedDatabase database)
{
    // SQLite takes one writer at a time anyway; queueing here avoids busy-waiting on its file lock inside one process.
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> SqliteGates = new();

    /// <summary>The worker's live reservation in this study (an arrival is idempotent), a new one, or null when nothing is eligible.</summary>
    public async Task<Reservation?> AllocateAsync(Guid studyId, Guid workerId, Platform platform, DateTime now, CancellationToken cancellationToken = default)
    {
        if (database.Provider != DatabaseProvider.Sqlite)
            return await AllocateLockedAsync(studyId, workerId, platform, now, cancellationToken);
        var gate = SqliteGates.GetOrAdd(database.ConnectionString, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            return await AllocateLockedAsync(studyId, workerId, platform, now, cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<Reservation?> AllocateLockedAsync(Guid studyId, Guid workerId, Platform platform, DateTime now, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // PostgreSQL retries transient failures; the whole transaction is the unit that is retried.
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            // On SQLite this is BEGIN IMMEDIATE: the write lock is taken before anything is counted.
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            if (database.Provider == DatabaseProvider.Postgres)
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({LockKey(studyId)})", ct);

            var reservation = await ChooseAsync(db, studyId, workerId, platform, now, ct);
            if (reservation is { } created && db.Entry(created).State == EntityState.Added)
                await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return reservation;
        }, cancellationToken);
    }

    private static async Task<Reservation?> ChooseAsync(PainBiasDbContext db, Guid studyId, Guid workerId, Platform platform, DateTime now, CancellationToken ct)
    {
        var live = await db.Reservations.AsNoTracking()
            .Where(r => r.StudyId == studyId && r.WorkerId == workerId && r.Status == ReservationStatus.Held && r.HeldUntil > now)
            .OrderBy(r => r.CreatedAt)
            .FirstOrDefaultAsync(ct);
        if (live is not null)
            return live;

        var study = await db.Studies.AsNoTracking().SingleOrDefaultAsync(s => s.Id == studyId, ct);
        var quota = study?.Design().QuotaFor(platform) ?? 0;
        if (study is null || quota == 0)
            return null;

        // Every face the worker ever had a slot for counts as seen, whatever became of the slot.
        var facesSeen = (await db.Reservations.AsNoTracking()
            .Where(r => r.StudyId == studyId && r.WorkerId == workerId)
            .Select(r => r.SourceFaceId)
            .ToListAsync(ct)).ToHashSet();

        // Filled = included ratings (an excluded rating re-opens its slot); held = holds that have not run out.
        var loads = await db.Variants.AsNoTracking()
            .Where(v => v.StudyId == studyId)
            .Select(v => new VariantLoad(
                v.Id,
                v.SourceFaceId,
                db.Assessments.Count(a => a.VariantId == v.Id && a.Platform == platform && a.Included),
                db.Reservations.Count(r => r.VariantId == v.Id && r.Platform == platform && r.Status == ReservationStatus.Held && r.HeldUntil > now)))
            .ToListAsync(ct);

        var chosen = SlotChoice.Choose(loads, quota, facesSeen, Random.Shared);
        if (chosen is null)
            return null;
        var reservation = new Reservation
        {
            Id = Guid.NewGuid(), StudyId = studyId, VariantId = chosen.VariantId, SourceFaceId = chosen.SourceFaceId,
            WorkerId = workerId, Platform = platform, Status = ReservationStatus.Held, CreatedAt = now,
            HeldUntil = now + study.Design().HoldDuration,
        };
        db.Reservations.Add(reservation);
        return reservation;
    }

    /// <summary>A stable 64-bit key per study for pg_advisory_xact_lock.</summary>
    private static long LockKey(Guid studyId) => BitConverter.ToInt64(studyId.ToByteArray(), 0);
}
