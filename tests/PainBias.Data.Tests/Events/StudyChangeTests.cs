using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using PainBias.Core.Domain;
using PainBias.Data.Entities;
using PainBias.Data.Events;
using PainBias.TestSupport;

namespace PainBias.Data.Tests.Events;

/// <summary>A stored or changed rating announces its study once committed: in-process when embedded, across nodes over PostgreSQL.</summary>
public class StudyChangeTests
{
    // Only a guard against a hang; nothing here measures time.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private static async Task<(TestData.SeededStudy Study, Worker Worker)> StudyAsync(TestDatabase database, string owner)
    {
        await using var db = await database.ContextAsync();
        var user = await TestData.AddUserAsync(db, owner);
        var seeded = await TestData.AddStudyAsync(db, user.Id, faces: 1);
        var worker = TestData.AddWorker(db);
        await db.SaveChangesAsync();
        return (seeded, worker);
    }

    private static Assessment Rate(PainBiasDbContext db, TestData.SeededStudy study, Worker worker) =>
        TestRatings.Add(db, study.Variants[0], worker, AuRating.Create(2, 1, 3, 0, 2, 1), DateTime.UtcNow);

    [Fact]
    public async Task Embedded_announces_a_rating_in_process_after_commit_and_never_after_a_rollback()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var (study, worker) = await StudyAsync(database, "a@example.org");
        var (other, otherWorker) = await StudyAsync(database, "b@example.org");
        var hub = database.Services.GetRequiredService<StudyChangeHub>();
        var seen = new List<Guid>();
        using var _ = hub.Subscribe(study.Study.Id, () => seen.Add(study.Study.Id));
        using var __ = hub.Subscribe(other.Study.Id, () => seen.Add(other.Study.Id));

        await using (var db = await database.ContextAsync())
        {
            var assessment = Rate(db, study, worker);
            await db.SaveChangesAsync();
            Assert.Equal([study.Study.Id], seen);

            // An edit (exclusion) announces again.
            assessment.Included = false;
            assessment.ExclusionReasons = ExclusionReason.FailedAttention;
            await db.SaveChangesAsync();
            Assert.Equal([study.Study.Id, study.Study.Id], seen);
        }

        seen.Clear();
        await using (var db = await database.ContextAsync())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            Rate(db, other, otherWorker);
            await db.SaveChangesAsync();
            Assert.Empty(seen);
            await transaction.CommitAsync();
            Assert.Equal([other.Study.Id], seen);
        }

        seen.Clear();
        await using (var db = await database.ContextAsync())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            Rate(db, other, TestData.AddWorker(db));
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
        }
        await using (var db = await database.ContextAsync())
        {
            // A save that touches no rating announces nothing.
            TestData.AddWorker(db);
            await db.SaveChangesAsync();
        }
        Assert.Empty(seen);
    }

    [Fact]
    public async Task A_rating_stored_on_one_PostgreSQL_node_reaches_a_subscriber_on_another()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        var (study, worker) = await StudyAsync(database, "a@example.org");
        var (rolledBack, rolledBackWorker) = await StudyAsync(database, "b@example.org");

        // Node B: its own container, hub and LISTEN loop on the same database.
        await using var nodeB = NodeOn(database);
        var listener = nodeB.GetRequiredService<PostgresStudyChangeListener>();
        await listener.StartAsync(CancellationToken.None);
        await listener.Listening.WaitAsync(Patience);
        var hubB = nodeB.GetRequiredService<StudyChangeHub>();
        var changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var rolledBackSeen = false;
        using var _ = hubB.Subscribe(study.Study.Id, () => changed.TrySetResult());
        using var __ = hubB.Subscribe(rolledBack.Study.Id, () => rolledBackSeen = true);

        // Node A (the test database's own services): a rating that is rolled back, then one that is committed.
        await using (var db = await database.ContextAsync())
        {
            // PostgreSQL retries transient failures, so a user transaction runs inside the execution strategy.
            await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
            {
                await using var transaction = await db.Database.BeginTransactionAsync();
                Rate(db, rolledBack, rolledBackWorker);
                await db.SaveChangesAsync();
                await transaction.RollbackAsync();
            });
        }
        await using (var db = await database.ContextAsync())
        {
            Rate(db, study, worker);
            await db.SaveChangesAsync();
        }

        await changed.Task.WaitAsync(Patience);
        // Notifications arrive in commit order, so a rolled-back one would have come first.
        Assert.False(rolledBackSeen);
        await listener.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task The_PostgreSQL_listener_reconnects_and_tells_subscribers_to_refresh()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        var (study, _) = await StudyAsync(database, "a@example.org");
        await using var node = NodeOn(database);
        var listener = node.GetRequiredService<PostgresStudyChangeListener>();
        await listener.StartAsync(CancellationToken.None);
        await listener.Listening.WaitAsync(Patience);
        var refreshed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var _ = node.GetRequiredService<StudyChangeHub>().Subscribe(study.Study.Id, () => refreshed.TrySetResult());

        // Cut the listener's connection from the server side, as a failover or a network drop would; only this test's
        // database, since other test projects run listeners on the same server at the same time.
        await using (var admin = new NpgsqlConnection(database.Resolved.ConnectionString))
        {
            await admin.OpenAsync();
            await using var kill = new NpgsqlCommand(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = @name AND datname = current_database()", admin);
            kill.Parameters.AddWithValue("name", PostgresStudyChangeListener.ApplicationName);
            Assert.Equal(1L, await kill.ExecuteScalarAsync());
        }

        await refreshed.Task.WaitAsync(Patience);
        await listener.StopAsync(CancellationToken.None);
    }

    private static ServiceProvider NodeOn(TestDatabase database)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddPainBiasData(new ConfigurationBuilder().AddInMemoryCollection(database.Settings).Build());
        services.AddStudyChangeListener();
        return services.BuildServiceProvider();
    }
}
