using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using PainBias.Core.Domain;
using PainBias.Data.Entities;

namespace PainBias.Data.Allocation;

/// <summary>
/// Gives an arriving worker one slot of a study: the eligible variant with the fewest filled + held slots on the
/// worker's platform (random tie), never a second variant of a face the worker already has. It chooses from the
/// study's <see cref="VariantSlotCounter"/> rows (kept by triggers, see <see cref="SlotCounters"/>) instead of
/// recounting ratings and holds, and the database holds the locks that make this safe on any number of web nodes:
/// <list type="bullet">
/// <item>PostgreSQL, one round trip: a transaction lock per worker and study (one arrival of a worker at a time), holds
/// that ran out marked Expired (one expirer per study at a time), then one statement that takes the least-loaded
/// eligible counter row <c>FOR UPDATE SKIP LOCKED</c> and inserts the reservation. Concurrent arrivals spread over
/// variants instead of queueing; the row lock re-checks the quota on the newest counter, so nothing is over-filled.
/// When every eligible row is locked by someone else it waits for the best one instead;</item>
/// <item>SQLite: one writer at a time (an immediate transaction, queued in-process), choosing with <see cref="SlotChoice"/>.</item>
/// </list>
/// The unique index (StudyId, WorkerId, SourceFaceId) refuses a second variant of one face whatever the code does.
/// </summary>
public sealed class SlotAllocator(IDbContextFactory<PainBiasDbContext> contexts, ResolvedDatabase database)
{
    /// <summary>
    /// How long a run-out hold still counts as taken. A rating accepted just before its hold ran out is still being
    /// written for a few milliseconds; counting the hold a little longer means no arrival can take that slot meanwhile.
    /// Holds are marked Expired (and leave the counters) only after this; the expiry job waits as long.
    /// </summary>
    public static readonly TimeSpan SubmitGrace = TimeSpan.FromSeconds(30);

    // SQLite takes one writer at a time anyway; queueing here avoids busy-waiting on its file lock inside one process.
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> SqliteGates = new();

    /// <summary>The worker's live reservation in this study (an arrival is idempotent), a new one, or null when nothing is eligible.</summary>
    public async Task<Reservation?> AllocateAsync(Guid studyId, Guid workerId, Platform platform, DateTime now, CancellationToken cancellationToken = default)
    {
        now = DateTime.SpecifyKind(now, DateTimeKind.Utc);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (database.Provider == DatabaseProvider.Postgres)
            return await AllocatePostgresAsync(db, studyId, workerId, platform, now, cancellationToken);

        var gate = SqliteGates.GetOrAdd(database.ConnectionString, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            // BEGIN IMMEDIATE: the write lock is taken before anything is read.
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var reservation = await AllocateSqliteAsync(db, studyId, workerId, platform, now, cancellationToken);
            if (reservation is not null && db.Entry(reservation).State == EntityState.Added)
                await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return reservation;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>
    /// Marks the study's holds that ran out more than <see cref="SubmitGrace"/> before <paramref name="now"/> Expired
    /// (their counters drop with them). One expirer per study at a time on PostgreSQL, so two never lock counters in
    /// opposite orders. Returns how many were expired.
    /// </summary>
    public static async Task<int> ExpireHoldsAsync(PainBiasDbContext db, Guid studyId, DateTime now, CancellationToken cancellationToken = default)
    {
        var cutoff = DateTime.SpecifyKind(now, DateTimeKind.Utc) - SubmitGrace;
        var due = db.Reservations.Where(r => r.StudyId == studyId && r.Status == ReservationStatus.Held && r.HeldUntil <= cutoff);
        if (!db.Database.IsNpgsql())
            return await due.ExecuteUpdateAsync(r => r.SetProperty(x => x.Status, ReservationStatus.Expired), cancellationToken);
        var (k1, k2) = StudyLockKey(studyId);
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({k1}, {k2})", ct);
            var expired = await due.ExecuteUpdateAsync(r => r.SetProperty(x => x.Status, ReservationStatus.Expired), ct);
            await transaction.CommitAsync(ct);
            return expired;
        }, cancellationToken);
    }

    private static async Task<Reservation?> AllocateSqliteAsync(PainBiasDbContext db, Guid studyId, Guid workerId, Platform platform, DateTime now, CancellationToken ct)
    {
        if (await db.Reservations.AsNoTracking()
                .Where(r => r.StudyId == studyId && r.WorkerId == workerId && r.Status == ReservationStatus.Held && r.HeldUntil > now)
                .OrderBy(r => r.CreatedAt)
                .FirstOrDefaultAsync(ct) is { } live)
            return live;
        var study = await db.Studies.AsNoTracking().SingleOrDefaultAsync(s => s.Id == studyId, ct);
        var design = study?.Design();
        if (design is null || design.QuotaFor(platform) == 0)
            return null;
        await ExpireHoldsAsync(db, studyId, now, ct);
        // Every face the worker ever had a slot for counts as seen, whatever became of the slot.
        var seen = (await db.Reservations.AsNoTracking().Where(r => r.StudyId == studyId && r.WorkerId == workerId)
            .Select(r => r.SourceFaceId).ToListAsync(ct)).ToHashSet();
        var loads = await db.VariantSlotCounters.AsNoTracking().Where(c => c.StudyId == studyId && c.Platform == platform)
            .Select(c => new VariantLoad(c.VariantId, c.SourceFaceId, c.Filled, c.Held)).ToListAsync(ct);
        if (SlotChoice.Choose(loads, design.QuotaFor(platform), seen, Random.Shared) is not { } chosen)
            return null;
        var reservation = new Reservation
        {
            Id = Guid.NewGuid(), StudyId = studyId, VariantId = chosen.VariantId, SourceFaceId = chosen.SourceFaceId,
            WorkerId = workerId, Platform = platform, Status = ReservationStatus.Held, CreatedAt = now, HeldUntil = now + design.HoldDuration,
        };
        db.Reservations.Add(reservation);
        return reservation;
    }

    private static async Task<Reservation?> AllocatePostgresAsync(PainBiasDbContext db, Guid studyId, Guid workerId, Platform platform, DateTime now, CancellationToken cancellationToken)
    {
        // PostgreSQL retries transient failures (a deadlock victim included); each batch is its own transaction.
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            await db.Database.OpenConnectionAsync(ct);
            try
            {
                var connection = (NpgsqlConnection)db.Database.GetDbConnection();
                var outcome = await RunAllocationAsync(connection, studyId, workerId, platform, now, wait: false, ct);
                // Every eligible counter was locked by another arrival (or another expirer was busy): wait this time.
                if (outcome is Outcome.Busy)
                    outcome = await RunAllocationAsync(connection, studyId, workerId, platform, now, wait: true, ct);
                return outcome is Outcome.Slot slot ? slot.Reservation : null;
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }, cancellationToken);
    }

    private abstract record Outcome
    {
        public sealed record Slot(Reservation Reservation) : Outcome;
        public sealed record Busy : Outcome;
        public sealed record Full : Outcome;
    }

    // Statement 1: one arrival of a worker at a time, so a double click's second arrival finds the first one's slot.
    private const string LockWorkerSql = "SELECT pg_advisory_xact_lock(@worker_key)";

    // Statement 2 (first try): return run-out holds to the pool unless another arrival of this study is doing it.
    private const string ExpireIfFreeSql = """
        UPDATE "Reservations" SET "Status" = 'Expired'
        WHERE "Status" = 'Held' AND "Id" IN (
            SELECT "Id" FROM "Reservations"
            WHERE "StudyId" = @study AND "Status" = 'Held' AND "HeldUntil" <= @cutoff AND pg_try_advisory_xact_lock(@study_key1, @study_key2)
            FOR UPDATE SKIP LOCKED)
        """;

    // Statement 2 (when waiting): queue for the study's expiry lock, then expire.
    private const string ExpireWaitingSql = """
        SELECT pg_advisory_xact_lock(@study_key1, @study_key2);
        UPDATE "Reservations" SET "Status" = 'Expired'
        WHERE "StudyId" = @study AND "Status" = 'Held' AND "HeldUntil" <= @cutoff
        """;

    // Statement 3: the worker's live hold, or the least-loaded eligible counter locked and a reservation inserted (the
    // counter trigger adds the hold), or 'busy' when eligible counters exist but none could be had.
    private const string AllocateSql = """
        WITH mine AS (
            -- Every slot this worker ever had here (one index probe); each of its faces counts as seen.
            SELECT "Id", "VariantId", "SourceFaceId", "Status", "CreatedAt", "HeldUntil" FROM "Reservations"
            WHERE "StudyId" = @study AND "WorkerId" = @worker),
        live AS (
            SELECT "Id", "VariantId", "SourceFaceId", "CreatedAt", "HeldUntil" FROM mine
            WHERE "Status" = 'Held' AND "HeldUntil" > @now
            ORDER BY "CreatedAt" LIMIT 1),
        study AS (
            SELECT CASE @platform WHEN 'MTurk' THEN "RatingsPerVariantMTurk" WHEN 'Credamo' THEN "RatingsPerVariantCredamo"
                       WHEN 'Direct' THEN "RatingsPerVariantDirect" ELSE 0 END AS "Quota", "HoldMinutes"
            FROM "Studies" WHERE "Id" = @study),
        pick AS (
            SELECT c."VariantId", c."SourceFaceId" FROM "VariantSlotCounters" c
            WHERE c."StudyId" = @study AND c."Platform" = @platform AND NOT EXISTS (SELECT 1 FROM live)
              AND c."Filled" + c."Held" < (SELECT "Quota" FROM study)
              AND c."SourceFaceId" NOT IN (SELECT "SourceFaceId" FROM mine)
            ORDER BY c."Filled" + c."Held", random()
            LIMIT 1
            FOR UPDATE OF c {0}),
        made AS (
            INSERT INTO "Reservations" ("Id", "StudyId", "VariantId", "SourceFaceId", "WorkerId", "Platform", "Status", "CreatedAt", "HeldUntil")
            SELECT @id, @study, p."VariantId", p."SourceFaceId", @worker, @platform, 'Held', @now, @now + make_interval(mins => s."HoldMinutes")
            FROM pick p CROSS JOIN study s
            RETURNING "Id", "VariantId", "SourceFaceId", "CreatedAt", "HeldUntil")
        SELECT 'live' AS "Kind", * FROM live
        UNION ALL SELECT 'new', * FROM made
        UNION ALL SELECT 'busy', NULL::uuid, NULL::uuid, NULL::uuid, NULL::timestamptz, NULL::timestamptz
        WHERE NOT EXISTS (SELECT 1 FROM live) AND NOT EXISTS (SELECT 1 FROM made) AND (
            EXISTS (SELECT 1 FROM "VariantSlotCounters" c
                    WHERE c."StudyId" = @study AND c."Platform" = @platform AND c."Filled" + c."Held" < (SELECT "Quota" FROM study)
                      AND c."SourceFaceId" NOT IN (SELECT "SourceFaceId" FROM mine))
            OR EXISTS (SELECT 1 FROM "Reservations" WHERE "StudyId" = @study AND "Status" = 'Held' AND "HeldUntil" <= @cutoff))
        """;

    private static readonly string AllocateSkippingSql = string.Format(AllocateSql, "SKIP LOCKED");
    private static readonly string AllocateWaitingSql = string.Format(AllocateSql, "");

    /// <summary>The three statements in one batch: one round trip, one implicit transaction.</summary>
    private static async Task<Outcome> RunAllocationAsync(
        NpgsqlConnection connection, Guid studyId, Guid workerId, Platform platform, DateTime now, bool wait, CancellationToken ct)
    {
        var (k1, k2) = StudyLockKey(studyId);
        await using var batch = new NpgsqlBatch(connection);
        batch.BatchCommands.Add(Command(LockWorkerSql));
        foreach (var sql in wait ? ExpireWaitingSql.Split(";\n") : [ExpireIfFreeSql])
            batch.BatchCommands.Add(Command(sql));
        batch.BatchCommands.Add(Command(wait ? AllocateWaitingSql : AllocateSkippingSql));

        await using var reader = await batch.ExecuteReaderAsync(ct);
        // The lock and expiry statements return nothing the allocator needs; skip to the last result.
        while (!IsLast(reader) && await reader.NextResultAsync(ct))
        {
        }
        if (!await reader.ReadAsync(ct))
            return new Outcome.Full();
        var kind = reader.GetString(0);
        if (kind == "busy")
            return wait ? new Outcome.Full() : new Outcome.Busy();
        return new Outcome.Slot(new Reservation
        {
            Id = reader.GetGuid(1), StudyId = studyId, VariantId = reader.GetGuid(2), SourceFaceId = reader.GetGuid(3), WorkerId = workerId,
            Platform = platform, Status = ReservationStatus.Held, CreatedAt = reader.GetDateTime(4), HeldUntil = reader.GetDateTime(5),
        });

        bool IsLast(DbDataReader r) => r.FieldCount > 0 && r.GetName(0) == "Kind";

        NpgsqlBatchCommand Command(string sql) => new(sql)
        {
            Parameters =
            {
                new("worker_key", NpgsqlDbType.Bigint) { Value = WorkerLockKey(studyId, workerId) },
                new("study_key1", NpgsqlDbType.Integer) { Value = k1 },
                new("study_key2", NpgsqlDbType.Integer) { Value = k2 },
                new("study", NpgsqlDbType.Uuid) { Value = studyId },
                new("worker", NpgsqlDbType.Uuid) { Value = workerId },
                new("platform", NpgsqlDbType.Text) { Value = platform.ToString() },
                new("now", NpgsqlDbType.TimestampTz) { Value = now },
                new("cutoff", NpgsqlDbType.TimestampTz) { Value = now - SubmitGrace },
                new("id", NpgsqlDbType.Uuid) { Value = Guid.NewGuid() },
            },
        };
    }

    /// <summary>A stable 64-bit key per worker and study for pg_advisory_xact_lock(bigint).</summary>
    private static long WorkerLockKey(Guid studyId, Guid workerId) =>
        BitConverter.ToInt64(studyId.ToByteArray(), 0) ^ BitConverter.ToInt64(workerId.ToByteArray(), 8);

    /// <summary>The study's expiry lock, in the two-integer key space (separate from the one-bigint space of the worker lock).</summary>
    private static (int, int) StudyLockKey(Guid studyId)
    {
        var bytes = studyId.ToByteArray();
        return (BitConverter.ToInt32(bytes, 0), BitConverter.ToInt32(bytes, 4));
    }
}
