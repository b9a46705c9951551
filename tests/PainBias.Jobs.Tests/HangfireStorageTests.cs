using Hangfire;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PainBias.Data;
using PainBias.Data.Entities;
using PainBias.Jobs.Housekeeping;
using PainBias.TestSupport;

namespace PainBias.Jobs.Tests;

/// <summary>Hangfire on the storage each mode uses (SQLite file embedded, PostgreSQL in production) runs real jobs.</summary>
public class HangfireStorageTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task An_enqueued_job_runs_on_a_server_for_its_queue_and_recurring_jobs_are_registered(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        Guid reservation;
        await using (var db = await database.ContextAsync())
        {
            var owner = await TestData.AddUserAsync(db, "owner@example.org");
            var seeded = await TestData.AddStudyAsync(db, owner.Id, faces: 1);
            reservation = TestData.Reserve(db, seeded.Variants[0], TestData.AddWorker(db), DateTime.UtcNow.AddMinutes(-1)).Id;
            await db.SaveChangesAsync();
        }

        var settings = new Dictionary<string, string?>(database.Settings)
        {
            ["Jobs:Queues:0"] = Queues.Default,
            ["Jobs:WorkerCount"] = "1",
        };
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(settings);
        var resolved = builder.Services.AddPainBiasData(builder.Configuration);
        builder.Services.AddPainBiasJobs(builder.Configuration, resolved);
        using var host = builder.Build();
        await host.StartAsync();
        try
        {
            var jobId = host.Services.GetRequiredService<IBackgroundJobClient>()
                .Enqueue<ExpireReservationsJob>(Queues.Default, job => job.RunAsync(CancellationToken.None));
            var storage = host.Services.GetRequiredService<JobStorage>();
            var state = await WaitForFinalStateAsync(storage, jobId, TimeSpan.FromSeconds(60));
            Assert.Equal("Succeeded", state);

            await using var read = await database.ContextAsync();
            Assert.Equal(ReservationStatus.Expired, (await read.Reservations.SingleAsync(r => r.Id == reservation)).Status);
            using var connection = storage.GetConnection();
            Assert.Contains(connection.GetRecurringJobs(), r => r.Id == ExpireReservationsJob.RecurringId && r.Queue == Queues.Default);
        }
        finally
        {
            await host.StopAsync();
        }
        if (provider == DatabaseProvider.Sqlite)
            Assert.True(File.Exists(Path.Combine(database.DataDirectory, "hangfire.db")), "embedded Hangfire keeps its jobs in a file");
    }

    [Fact]
    public async Task Two_hosts_in_one_process_each_run_their_jobs_on_their_own_database()
    {
        // Hangfire keeps process-wide defaults (JobStorage.Current, JobActivator.Current) that every AddHangfire
        // overwrites; a host must still enqueue into, and activate jobs from, its own container and database.
        await using var first = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var second = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var reservations = new List<Guid>();
        // Only the first database's hold has run out; the second's must stay held whatever runs.
        foreach (var (database, expires) in new[] { (first, DateTime.UtcNow.AddMinutes(-1)), (second, DateTime.UtcNow.AddHours(1)) })
        {
            await using var db = await database.ContextAsync();
            var owner = await TestData.AddUserAsync(db, "owner@example.org");
            var seeded = await TestData.AddStudyAsync(db, owner.Id, faces: 1);
            reservations.Add(TestData.Reserve(db, seeded.Variants[0], TestData.AddWorker(db), expires).Id);
            await db.SaveChangesAsync();
        }

        using var hostOfFirst = BuildHost(first);
        using var hostOfSecond = BuildHost(second);
        await hostOfFirst.StartAsync();
        await hostOfSecond.StartAsync();
        try
        {
            var jobId = hostOfFirst.Services.GetRequiredService<IBackgroundJobClient>()
                .Enqueue<ExpireReservationsJob>(Queues.Default, job => job.RunAsync(CancellationToken.None));
            var state = await WaitForFinalStateAsync(hostOfFirst.Services.GetRequiredService<JobStorage>(), jobId, TimeSpan.FromSeconds(60));
            Assert.Equal("Succeeded", state);

            await using var readFirst = await first.ContextAsync();
            await using var readSecond = await second.ContextAsync();
            Assert.Equal(ReservationStatus.Expired, (await readFirst.Reservations.SingleAsync(r => r.Id == reservations[0])).Status);
            Assert.Equal(ReservationStatus.Held, (await readSecond.Reservations.SingleAsync(r => r.Id == reservations[1])).Status);
        }
        finally
        {
            await hostOfSecond.StopAsync();
            await hostOfFirst.StopAsync();
        }
    }

    private static IHost BuildHost(TestDatabase database)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(database.Settings)
        {
            ["Jobs:Queues:0"] = Queues.Default,
            ["Jobs:WorkerCount"] = "1",
        });
        var resolved = builder.Services.AddPainBiasData(builder.Configuration);
        builder.Services.AddPainBiasJobs(builder.Configuration, resolved);
        return builder.Build();
    }

    private static async Task<string?> WaitForFinalStateAsync(JobStorage storage, string jobId, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            using var connection = storage.GetConnection();
            var state = connection.GetStateData(jobId)?.Name;
            if (state is "Succeeded" or "Failed")
                return state;
            await Task.Delay(200);
        }
        return null;
    }
}
