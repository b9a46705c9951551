using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using PainBias.Data;
using PainBias.Data.Allocation;
using PainBias.Data.Entities;
using PainBias.Jobs.Housekeeping;
using PainBias.TestSupport;

namespace PainBias.Jobs.Tests;

public class ExpireReservationsJobTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Holds_past_their_time_return_to_the_pool_and_reruns_change_nothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var now = new DateTime(2026, 12, 3, 12, 0, 0, DateTimeKind.Utc);
        Guid stale, inGrace, fresh, submitted;
        await using (var db = await database.ContextAsync())
        {
            var owner = await TestData.AddUserAsync(db, "owner@example.org");
            var seeded = await TestData.AddStudyAsync(db, owner.Id, faces: 3);
            var worker = TestData.AddWorker(db);
            stale = TestData.Reserve(db, seeded.Variants[0], worker, now - SlotAllocator.SubmitGrace - TimeSpan.FromSeconds(1)).Id;
            // Run out, but a rating for it may be being written right now: the allocator still counts it, so must the job.
            inGrace = TestData.Reserve(db, seeded.Variants[2], TestData.AddWorker(db), now.AddSeconds(-1)).Id;
            fresh = TestData.Reserve(db, seeded.Variants[4], worker, now.AddMinutes(10)).Id;
            var done = TestData.Reserve(db, seeded.Variants[8], worker, now.AddMinutes(-30));
            done.Status = ReservationStatus.Submitted;
            submitted = done.Id;
            await db.SaveChangesAsync();
        }
        var job = new ExpireReservationsJob(database.Contexts, new FakeTime(now), NullLogger<ExpireReservationsJob>.Instance);

        Assert.Equal(1, await job.RunAsync(CancellationToken.None));
        Assert.Equal(0, await job.RunAsync(CancellationToken.None));

        await using var read = await database.ContextAsync();
        var statuses = await read.Reservations.ToDictionaryAsync(r => r.Id, r => r.Status);
        Assert.Equal(ReservationStatus.Expired, statuses[stale]);
        Assert.Equal(ReservationStatus.Held, statuses[inGrace]);
        Assert.Equal(ReservationStatus.Held, statuses[fresh]);
        Assert.Equal(ReservationStatus.Submitted, statuses[submitted]);
    }

    private sealed class FakeTime(DateTime now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(now);
    }
}
