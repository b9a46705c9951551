using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using PainBias.Core.Domain;
using PainBias.Data.Entities;

namespace PainBias.Data.Allocation;

/// <summary>
/// Gives an arriving worker one slot of a study: the eligible variant with the fewest filled + held slots on the
/// worker's platform (random tie), never a second variant of a face the worker already has. The database holds the
/// locks that make this safe on any number of web nodes:
/// <list type="bullet">
/// <item>PostgreSQL: a transaction lock per worker and study (one arrival of a worker at a time), then the chosen
/// variant's row <c>FOR UPDATE SKIP LOCKED</c> and a re-count under that lock before the insert, so concurrent arrivals
/// spread over variants instead of queueing behind one study-wide lock, and no variant is ever over-filled;</item>
/// <item>SQLite: one writer at a time (an immediate transaction, queued in-process).</item>
/// </list>
/// The unique index (StudyId, WorkerId, SourceFaceId) refuses a second variant of one face whatever the code does.
/// </summary>
public sealed class SlotAllocator(IDbContextFactory<PainBiasDbContext> contexts, ResolvedDatabase database)
{
    /// <summary>
    /// How long a run-out hold still counts as taken. A rating accepted just before its hold ran out is still being
    /// written for a few milliseconds; counting the hold a little longer means no arrival can take that slot meanwhile.
    /// The expiry job waits as long before marking a hold expired.
    /// </summary>
    public static readonly TimeSpan SubmitGrace = TimeSpan.FromSeconds(30);

    // SQLite takes one writer at a time anyway; queueing here avoids busy-waiting on its file lock inside one process.
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> SqliteGates = new();

    /// <summary>The worker's live reservation in this study (an arrival is idempotent), a new one, or null when nothing is eligible.</summary>
    public async Task<Reservation?> AllocateAsync(Guid studyId, Guid workerId, Platform platform, DateTime now, CancellationToken cancellationToken = default)
    {
        if (database.Provider == DatabaseProvider.Postgres)
        {
            for (var attempt = 1; ; attempt++)
            {
                var contended = false;
                var reservation = await InTransactionAsync(
                    db => AllocatePostgresAsync(db, studyId, workerId, platform, now, () => contended = true, cancellationToken),
                    cancellationToken);
                if (!contended)
                    return reservation;
                // Every candidate was being allocated by someone else while this arrival held a full variant's lock:
                // start over with no locks held (waiting there could deadlock), after a short random pause.
                await Task.Delay(Random.Shared.Next(1, 5 * attempt), cancellationToken);
            }
        }
        var gate = SqliteGates.GetOrAdd(database.ConnectionString, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            return await InTransactionAsync(db => AllocateSqliteAsync(db, studyId, workerId, platform, now, cancellationToken), cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<Reservation?> InTransactionAsync(Func<PainBiasDbContext, Task<Reservation?>> allocate, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // PostgreSQL retries transient failures; the whole transaction is the unit that is retried.
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            // On SQLite this is BEGIN IMMEDIATE: the write lock is taken before anything is counted.
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var reservation = await allocate(db);
            if (reservation is not null && db.Entry(reservation).State == EntityState.Added)
                await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return reservation;
        }, cancellationToken);
    }

    private static async Task<Reservation?> AllocateSqliteAsync(PainBiasDbContext db, Guid studyId, Guid workerId, Platform platform, DateTime now, CancellationToken ct)
    {
        if (await LiveAsync(db, studyId, workerId, now, ct) is { } live)
            return live;
        if (await QuotaAsync(db, studyId, platform, ct) is not { } study)
            return null;
        var chosen = SlotChoice.Choose(await LoadsAsync(db, studyId, platform, now, ct), study.Quota, await FacesSeenAsync(db, studyId, workerId, ct), Random.Shared);
        return chosen is null ? null : Reserve(db, studyId, workerId, platform, now, study.Hold, chosen);
    }

    private static async Task<Reservation?> AllocatePostgresAsync(
        PainBiasDbContext db, Guid studyId, Guid workerId, Platform platform, DateTime now, Action contended, CancellationToken ct)
    {
        // Two arrivals of one worker (a double click, two tabs) are serialised, so the second finds the first's slot.
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({LockKey(studyId, workerId)})", ct);
        if (await LiveAsync(db, studyId, workerId, now, ct) is { } live)
            return live;
        if (await QuotaAsync(db, studyId, platform, ct) is not { } study)
            return null;
        var seen = await FacesSeenAsync(db, studyId, workerId, ct);
        // Fewest taken first, random among equals: the same rule as SlotChoice, as an order to try under concurrency.
        var candidates = (await LoadsAsync(db, studyId, platform, now, ct))
            .Where(l => l.Filled + l.Held < study.Quota && !seen.Contains(l.SourceFaceId))
            .OrderBy(l => l.Filled + l.Held).ThenBy(_ => Random.Shared.Next())
            .ToList();
        var holdsVariantLock = false;
        while (candidates.Count > 0)
        {
            var ids = candidates.Select(c => c.VariantId).ToArray();
            // The best candidate nobody else is locking right now; if all are locked, wait for the best one.
            var locked = await db.Database.SqlQuery<Guid>($"""
                SELECT "Id" AS "Value" FROM "Variants" WHERE "Id" = ANY({ids})
                ORDER BY array_position({ids}, "Id") LIMIT 1 FOR UPDATE SKIP LOCKED
                """).ToListAsync(ct);
            var variantId = locked.Count > 0 ? locked[0] : ids[0];
            if (locked.Count == 0)
            {
                // Waiting is deadlock-free only while no other variant lock is held.
                if (holdsVariantLock)
                {
                    contended();
                    return null;
                }
                await db.Database.ExecuteSqlAsync($"""SELECT 1 FROM "Variants" WHERE "Id" = {variantId} FOR UPDATE""", ct);
            }
            holdsVariantLock = true;
            // Under the row lock, earlier holders have committed: this count is exact for this variant.
            var taken = await TakenAsync(db, variantId, platform, now, ct);
            var candidate = candidates.First(c => c.VariantId == variantId);
            if (taken < study.Quota)
                return Reserve(db, studyId, workerId, platform, now, study.Hold, candidate);
            candidates.Remove(candidate);
        }
        return null;
    }

    private static Task<Reservation?> LiveAsync(PainBiasDbContext db, Guid studyId, Guid workerId, DateTime now, CancellationToken ct) =>
        db.Reservations.AsNoTracking()
            .Where(r => r.StudyId == studyId && r.WorkerId == workerId && r.Status == ReservationStatus.Held && r.HeldUntil > now)
            .OrderBy(r => r.CreatedAt)
            .FirstOrDefaultAsync(ct);

    private static async Task<(int Quota, TimeSpan Hold)?> QuotaAsync(PainBiasDbContext db, Guid studyId, Platform platform, CancellationToken ct)
    {
        var study = await db.Studies.AsNoTracking().SingleOrDefaultAsync(s => s.Id == studyId, ct);
        var design = study?.Design();
        return design is not null && design.QuotaFor(platform) > 0 ? (design.QuotaFor(platform), design.HoldDuration) : null;
    }

    /// <summary>Every face the worker ever had a slot for counts as seen, whatever became of the slot.</summary>
    private static async Task<HashSet<Guid>> FacesSeenAsync(PainBiasDbContext db, Guid studyId, Guid workerId, CancellationToken ct) =>
        (await db.Reservations.AsNoTracking()
            .Where(r => r.StudyId == studyId && r.WorkerId == workerId)
            .Select(r => r.SourceFaceId)
            .ToListAsync(ct)).ToHashSet();

    /// <summary>Filled = included ratings (an excluded rating re-opens its slot); held = holds that have not run out (plus the grace).</summary>
    private static async Task<List<VariantLoad>> LoadsAsync(PainBiasDbContext db, Guid studyId, Platform platform, DateTime now, CancellationToken ct)
    {
        var variants = await db.Variants.AsNoTracking().Where(v => v.StudyId == studyId).Select(v => new { v.Id, v.SourceFaceId }).ToListAsync(ct);
        var filled = await db.Assessments.AsNoTracking()
            .Where(a => a.StudyId == studyId && a.Platform == platform && a.Included)
            .GroupBy(a => a.VariantId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var counted = now - SubmitGrace;
        var held = await db.Reservations.AsNoTracking()
            .Where(r => r.StudyId == studyId && r.Platform == platform && r.Status == ReservationStatus.Held && r.HeldUntil > counted)
            .GroupBy(r => r.VariantId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return variants.Select(v => new VariantLoad(v.Id, v.SourceFaceId, filled.GetValueOrDefault(v.Id), held.GetValueOrDefault(v.Id))).ToList();
    }

    private static async Task<int> TakenAsync(PainBiasDbContext db, Guid variantId, Platform platform, DateTime now, CancellationToken ct)
    {
        var counted = now - SubmitGrace;
        return await db.Assessments.CountAsync(a => a.VariantId == variantId && a.Platform == platform && a.Included, ct)
            + await db.Reservations.CountAsync(r => r.VariantId == variantId && r.Platform == platform && r.Status == ReservationStatus.Held && r.HeldUntil > counted, ct);
    }

    private static Reservation Reserve(PainBiasDbContext db, Guid studyId, Guid workerId, Platform platform, DateTime now, TimeSpan hold, VariantLoad chosen)
    {
        var reservation = new Reservation
        {
            Id = Guid.NewGuid(), StudyId = studyId, VariantId = chosen.VariantId, SourceFaceId = chosen.SourceFaceId,
            WorkerId = workerId, Platform = platform, Status = ReservationStatus.Held, CreatedAt = now, HeldUntil = now + hold,
        };
        db.Reservations.Add(reservation);
        return reservation;
    }

    /// <summary>A stable 64-bit key per worker and study for pg_advisory_xact_lock.</summary>
    private static long LockKey(Guid studyId, Guid workerId) =>
        BitConverter.ToInt64(studyId.ToByteArray(), 0) ^ BitConverter.ToInt64(workerId.ToByteArray(), 8);
}
