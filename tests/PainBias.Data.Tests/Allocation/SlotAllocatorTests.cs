using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PainBias.Core.Domain;
using PainBias.Data;
using PainBias.Data.Allocation;
using PainBias.Data.Entities;
using PainBias.TestSupport;

namespace PainBias.Data.Tests.Allocation;

/// <summary>The allocation rules of the design, on the real SQLite engine and a real PostgreSQL server.</summary>
public class SlotAllocatorTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers;

    private static readonly DateTime Now = new(2026, 6, 1, 12, 0, 0, DateTimeKind.Utc);

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task The_variant_with_the_fewest_filled_and_held_slots_comes_first(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (seeded, workers) = await SeedAsync(database, faces: 1, workerCount: 4);
        var allocator = Allocator(database);

        var got = new List<Guid>();
        foreach (var worker in workers)
            got.Add((await allocator.AllocateAsync(seeded.Study.Id, worker.Id, Platform.MTurk, Now))!.VariantId);

        // Four variants of one face would be impossible for one worker; four workers each get a different variant.
        Assert.Equal(seeded.Variants.Select(v => v.Id).Order(), got.Order());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task An_arrival_is_idempotent_and_a_full_study_gives_nothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (seeded, workers) = await SeedAsync(database, faces: 1, workerCount: 3, k: 2);
        var allocator = Allocator(database);

        var first = await allocator.AllocateAsync(seeded.Study.Id, workers[0].Id, Platform.MTurk, Now);
        var again = await allocator.AllocateAsync(seeded.Study.Id, workers[0].Id, Platform.MTurk, Now.AddMinutes(1));
        Assert.Equal(first!.Id, again!.Id);

        // 4 variants × k=2 = 8 slots; fill all of them with other workers' holds.
        await using (var db = await database.ContextAsync())
        {
            foreach (var variant in seeded.Variants)
            {
                var count = variant.Id == first.VariantId ? 1 : 2;
                for (var i = 0; i < count; i++)
                    TestData.Reserve(db, variant, TestData.AddWorker(db), Now.AddMinutes(30));
            }
            await db.SaveChangesAsync();
        }
        Assert.Null(await allocator.AllocateAsync(seeded.Study.Id, workers[1].Id, Platform.MTurk, Now));
        // Another platform has its own quota.
        Assert.NotNull(await allocator.AllocateAsync(seeded.Study.Id, workers[1].Id, Platform.Credamo, Now));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Expired_holds_return_to_the_pool(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (seeded, workers) = await SeedAsync(database, faces: 1, workerCount: 2, k: 1);
        await using (var db = await database.ContextAsync())
        {
            // Every variant held, but three of the holds have run out (the expiry job has not run yet).
            for (var i = 0; i < 4; i++)
                TestData.Reserve(db, seeded.Variants[i], TestData.AddWorker(db), i == 2 ? Now.AddMinutes(5) : Now.AddMinutes(-1));
            await db.SaveChangesAsync();
        }
        var allocator = Allocator(database);
        var got = await allocator.AllocateAsync(seeded.Study.Id, workers[0].Id, Platform.MTurk, Now);
        Assert.NotNull(got);
        Assert.NotEqual(seeded.Variants[2].Id, got.VariantId);

        // The worker's own expired hold is not returned to them: they get a new slot, never the same face again.
        var later = Now.AddHours(1);
        var next = await allocator.AllocateAsync(seeded.Study.Id, workers[0].Id, Platform.MTurk, later);
        Assert.Null(next); // one face only, and the worker has seen it
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_hold_that_ran_out_seconds_ago_still_counts_while_its_rating_may_be_landing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (seeded, workers) = await SeedAsync(database, faces: 1, workerCount: 2, k: 1);
        await using (var db = await database.ContextAsync())
        {
            for (var i = 0; i < 4; i++)
                TestData.Reserve(db, seeded.Variants[i], TestData.AddWorker(db), i == 0 ? Now.AddSeconds(-10) : Now.AddMinutes(5));
            await db.SaveChangesAsync();
        }
        var allocator = Allocator(database);
        Assert.Null(await allocator.AllocateAsync(seeded.Study.Id, workers[0].Id, Platform.MTurk, Now));
        var later = Now + SlotAllocator.SubmitGrace;
        Assert.Equal(seeded.Variants[0].Id, (await allocator.AllocateAsync(seeded.Study.Id, workers[1].Id, Platform.MTurk, later))?.VariantId);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task An_excluded_rating_reopens_its_slot(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (seeded, workers) = await SeedAsync(database, faces: 1, workerCount: 1, k: 1);
        await using (var db = await database.ContextAsync())
        {
            foreach (var variant in seeded.Variants)
            {
                var rater = TestData.AddWorker(db);
                var reservation = TestData.Reserve(db, variant, rater, Now.AddMinutes(-10));
                reservation.Status = ReservationStatus.Submitted;
                var included = variant.Id != seeded.Variants[1].Id;
                db.Assessments.Add(Rated(reservation, included));
            }
            await db.SaveChangesAsync();
        }
        var got = await Allocator(database).AllocateAsync(seeded.Study.Id, workers[0].Id, Platform.MTurk, Now);
        Assert.Equal(seeded.Variants[1].Id, got?.VariantId);
    }

    [Fact]
    public async Task Hundreds_of_concurrent_arrivals_never_overfill_a_variant_on_PostgreSQL()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        const int k = 2;
        var (seeded, workers) = await SeedAsync(database, faces: 3, workerCount: 250, k: k);
        var allocator = Allocator(database);
        var capacity = seeded.Variants.Count * k;

        // 250 distinct workers plus 50 of them arriving a second time at the same moment (a double click, two tabs).
        var arrivals = workers.Select(w => w.Id).Concat(workers.Take(50).Select(w => w.Id)).OrderBy(_ => Random.Shared.Next()).ToList();
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var running = arrivals.Select(workerId => Task.Run(async () =>
        {
            await start.Task;
            return (WorkerId: workerId, Slot: await allocator.AllocateAsync(seeded.Study.Id, workerId, Platform.MTurk, Now));
        })).ToList();
        start.SetResult();
        var results = await Task.WhenAll(running);

        await using var db = await database.ContextAsync();
        var reservations = await db.Reservations.AsNoTracking().Where(r => r.StudyId == seeded.Study.Id).ToListAsync();
        Assert.All(reservations.GroupBy(r => r.VariantId), g => Assert.True(g.Count() <= k, $"variant {g.Key} has {g.Count()} slots"));
        Assert.All(reservations.GroupBy(r => (r.WorkerId, r.SourceFaceId)), g => Assert.Single(g));
        // With one image per assessor and more arrivals than slots, every slot is taken, and every refused arrival met a full study.
        Assert.Equal(capacity, reservations.Count);
        Assert.Equal(capacity, results.Where(r => r.Slot is not null).Select(r => r.WorkerId).Distinct().Count());
        // A worker arriving twice got the same slot both times.
        Assert.All(results.Where(r => r.Slot is not null).GroupBy(r => r.WorkerId), g => Assert.Single(g.Select(r => r.Slot!.Id).Distinct()));
    }

    private static SlotAllocator Allocator(TestDatabase database) => new(database.Contexts, database.Resolved);

    private static async Task<(TestData.SeededStudy Seeded, List<Worker> Workers)> SeedAsync(TestDatabase database, int faces, int workerCount, int k = 5)
    {
        await using var db = await database.ContextAsync();
        var owner = await TestData.AddUserAsync(db, "owner@example.org");
        var seeded = await TestData.AddStudyAsync(db, owner.Id, faces);
        var study = await db.Studies.SingleAsync(s => s.Id == seeded.Study.Id);
        (study.RatingsPerVariantMTurk, study.RatingsPerVariantCredamo) = (k, k);
        var workers = Enumerable.Range(0, workerCount).Select(_ => TestData.AddWorker(db)).ToList();
        await db.SaveChangesAsync();
        return (seeded, workers);
    }

    private static Assessment Rated(Reservation reservation, bool included) => new()
    {
        Id = Guid.NewGuid(), StudyId = reservation.StudyId, VariantId = reservation.VariantId, WorkerId = reservation.WorkerId,
        ReservationId = reservation.Id, Platform = reservation.Platform, IdempotencyKey = Guid.NewGuid(),
        StartedAt = Now.AddMinutes(-12), SubmittedAt = Now.AddMinutes(-11), Included = included,
        ExclusionReasons = included ? ExclusionReason.None : ExclusionReason.FailedAttention,
    };
}
