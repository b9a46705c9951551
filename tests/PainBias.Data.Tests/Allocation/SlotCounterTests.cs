using Microsoft.EntityFrameworkCore;
using PainBias.Core.Domain;
using PainBias.Data.Allocation;
using PainBias.Data.Entities;
using PainBias.TestSupport;

namespace PainBias.Data.Tests.Allocation;

/// <summary>
/// The allocator's VariantSlotCounters stay equal to a recount of included ratings and held slots whatever writes the
/// rows — concurrent arrivals, submits, the expiry job, lazy expiry, ExecuteUpdate exclusions and re-inclusions — on
/// the real SQLite engine and a real PostgreSQL server.
/// </summary>
public class SlotCounterTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers;

    private static readonly DateTime Now = new(2026, 6, 1, 12, 0, 0, DateTimeKind.Utc);

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Counters_equal_a_recount_through_arrivals_submits_expiry_exclusion_and_reinclusion(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (seeded, workers) = await SeedAsync(database, faces: 3, workerCount: 30, k: 2);
        var study = seeded.Study.Id;
        var allocator = new SlotAllocator(database.Contexts, database.Resolved);

        // 30 arrivals at once for 12 variants × k=2 = 24 slots.
        var slots = (await Task.WhenAll(workers.Select(w => Task.Run(() => allocator.AllocateAsync(study, w.Id, Platform.MTurk, Now)))))
            .OfType<Reservation>().ToList();
        Assert.Equal(24, slots.Count);
        await AssertNoDriftAsync(database, study);
        Assert.Equal((0, 24), await TotalsAsync(database, study));

        // Ten submits through SaveChanges, as the task stores them; three of them excluded on arrival (too fast).
        await using (var db = await database.ContextAsync())
        {
            foreach (var (slot, i) in slots.Take(10).Select((s, i) => (s, i)))
            {
                db.Reservations.Attach(slot).Property(r => r.Status).CurrentValue = ReservationStatus.Submitted;
                db.Assessments.Add(Rated(slot, included: i >= 3));
            }
            await db.SaveChangesAsync();
        }
        await AssertNoDriftAsync(database, study);
        Assert.Equal((7, 14), await TotalsAsync(database, study));

        // Four holds run out; the expiry job's per-study expiry returns them to the pool.
        var runOut = slots.Skip(10).Take(4).Select(s => s.Id).ToList();
        await using (var db = await database.ContextAsync())
        {
            await db.Reservations.Where(r => runOut.Contains(r.Id)).ExecuteUpdateAsync(r => r.SetProperty(x => x.HeldUntil, Now.AddMinutes(-5)));
            Assert.Equal(4, await SlotAllocator.ExpireHoldsAsync(db, study, Now));
        }
        await AssertNoDriftAsync(database, study);
        Assert.Equal((7, 10), await TotalsAsync(database, study));

        // Two more run out and an arrival expires them lazily before it takes one of the freed slots.
        var lazy = slots.Skip(14).Take(2).Select(s => s.Id).ToList();
        Worker latecomer;
        await using (var db = await database.ContextAsync())
        {
            await db.Reservations.Where(r => lazy.Contains(r.Id)).ExecuteUpdateAsync(r => r.SetProperty(x => x.HeldUntil, Now.AddMinutes(-5)));
            latecomer = TestData.AddWorker(db);
            await db.SaveChangesAsync();
        }
        Assert.NotNull(await allocator.AllocateAsync(study, latecomer.Id, Platform.MTurk, Now));
        await AssertNoDriftAsync(database, study);
        Assert.Equal((7, 9), await TotalsAsync(database, study));

        // A set-based exclusion (as exclusion rules do) re-opens slots, and re-inclusion through SaveChanges closes one again.
        await using (var db = await database.ContextAsync())
        {
            Assert.Equal(4, await db.Assessments.Where(a => a.StudyId == study && a.Included).OrderBy(a => a.Id).Take(4)
                .ExecuteUpdateAsync(a => a.SetProperty(x => x.Included, false).SetProperty(x => x.ExclusionReasons, ExclusionReason.FailedAttention)));
        }
        await AssertNoDriftAsync(database, study);
        Assert.Equal((3, 9), await TotalsAsync(database, study));
        await using (var db = await database.ContextAsync())
        {
            var excluded = await db.Assessments.Where(a => a.StudyId == study && !a.Included).OrderBy(a => a.Id).FirstAsync();
            excluded.Included = true;
            excluded.ExclusionReasons = ExclusionReason.None;
            await db.SaveChangesAsync();
        }
        await AssertNoDriftAsync(database, study);
        Assert.Equal((4, 9), await TotalsAsync(database, study));

        // A released hold (the task giving back an orphaned slot) leaves the counters too.
        await using (var db = await database.ContextAsync())
        {
            await db.Reservations.Where(r => r.Id == slots[20].Id).ExecuteUpdateAsync(r => r.SetProperty(x => x.Status, ReservationStatus.Released));
        }
        await AssertNoDriftAsync(database, study);
        Assert.Equal((4, 8), await TotalsAsync(database, study));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_counter_written_wrongly_is_found_and_RecountAsync_repairs_it(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (seeded, workers) = await SeedAsync(database, faces: 1, workerCount: 3, k: 2);
        var allocator = new SlotAllocator(database.Contexts, database.Resolved);
        foreach (var worker in workers)
            await allocator.AllocateAsync(seeded.Study.Id, worker.Id, Platform.MTurk, Now);
        await using (var db = await database.ContextAsync())
        {
            // Write around the triggers, as a bug or a manual repair would.
            await db.VariantSlotCounters.Where(c => c.VariantId == seeded.Variants[0].Id && c.Platform == Platform.MTurk)
                .ExecuteUpdateAsync(c => c.SetProperty(x => x.Filled, 2));
            var drift = Assert.Single(await SlotCounters.DriftAsync(db, seeded.Study.Id));
            Assert.Equal((seeded.Variants[0].Id, 2, 0), (drift.VariantId, drift.Filled, drift.RecountFilled));

            await SlotCounters.RecountAsync(db, seeded.Study.Id);
            Assert.Empty(await SlotCounters.DriftAsync(db, seeded.Study.Id));
        }
        Assert.Equal((0, 3), await TotalsAsync(database, seeded.Study.Id));
    }

    [Fact]
    public async Task Concurrent_arrivals_submits_and_exclusions_keep_the_counters_exact_on_PostgreSQL()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        const int k = 3;
        var (seeded, workers) = await SeedAsync(database, faces: 10, workerCount: 200, k: k);
        var study = seeded.Study.Id;
        var allocator = new SlotAllocator(database.Contexts, database.Resolved);

        // Each worker arrives and submits at once; meanwhile exclusion passes flip inclusion of stored ratings back and forth.
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var raters = workers.Select(worker => Task.Run(async () =>
        {
            await start.Task;
            if (await allocator.AllocateAsync(study, worker.Id, Platform.MTurk, Now) is not { } slot)
                return;
            await using var db = await database.ContextAsync();
            await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
            {
                db.ChangeTracker.Clear();
                db.Reservations.Attach(slot).Property(r => r.Status).CurrentValue = ReservationStatus.Submitted;
                db.Assessments.Add(Rated(slot, included: true));
                await db.SaveChangesAsync();
            });
        })).ToList();
        var flips = Enumerable.Range(0, 4).Select(pass => Task.Run(async () =>
        {
            await start.Task;
            for (var round = 0; round < 10; round++)
            {
                await using var db = await database.ContextAsync();
                await db.Database.CreateExecutionStrategy().ExecuteAsync(() => db.Assessments
                    .Where(a => a.StudyId == study && a.Included == (round % 2 == 0))
                    .OrderBy(a => a.Id).Take(5 + pass)
                    .ExecuteUpdateAsync(a => a.SetProperty(x => x.Included, round % 2 != 0)));
                await Task.Delay(5);
            }
        })).ToList();
        start.SetResult();
        await Task.WhenAll(raters.Concat(flips));

        await AssertNoDriftAsync(database, study);
        await using var read = await database.ContextAsync();
        var submitted = await read.Reservations.CountAsync(r => r.StudyId == study && r.Status == ReservationStatus.Submitted);
        // Every slot was taken at least once (arrivals outnumber slots plus whatever the exclusions re-opened).
        Assert.InRange(submitted, seeded.Variants.Count * k, workers.Count);
    }

    private static async Task AssertNoDriftAsync(TestDatabase database, Guid studyId)
    {
        await using var db = await database.ContextAsync();
        Assert.Empty(await SlotCounters.DriftAsync(db, studyId));
    }

    /// <summary>Sum of Filled and of Held over the study's MTurk counters.</summary>
    private static async Task<(int Filled, int Held)> TotalsAsync(TestDatabase database, Guid studyId)
    {
        await using var db = await database.ContextAsync();
        var counters = await db.VariantSlotCounters.AsNoTracking().Where(c => c.StudyId == studyId && c.Platform == Platform.MTurk).ToListAsync();
        return (counters.Sum(c => c.Filled), counters.Sum(c => c.Held));
    }

    private static async Task<(TestData.SeededStudy Seeded, List<Worker> Workers)> SeedAsync(TestDatabase database, int faces, int workerCount, int k)
    {
        await using var db = await database.ContextAsync();
        var owner = await TestData.AddUserAsync(db, "owner@example.org");
        var seeded = await TestData.AddStudyAsync(db, owner.Id, faces);
        var study = await db.Studies.SingleAsync(s => s.Id == seeded.Study.Id);
        study.RatingsPerVariantMTurk = k;
        var workers = Enumerable.Range(0, workerCount).Select(_ => TestData.AddWorker(db)).ToList();
        await db.SaveChangesAsync();
        return (seeded, workers);
    }

    private static Assessment Rated(Reservation reservation, bool included) => new()
    {
        Id = Guid.NewGuid(), StudyId = reservation.StudyId, VariantId = reservation.VariantId, WorkerId = reservation.WorkerId,
        ReservationId = reservation.Id, Platform = reservation.Platform, IdempotencyKey = Guid.NewGuid(),
        StartedAt = Now.AddMinutes(-2), SubmittedAt = Now.AddMinutes(-1), Included = included,
        ExclusionReasons = included ? ExclusionReason.None : ExclusionReason.TooFast,
    };
}
