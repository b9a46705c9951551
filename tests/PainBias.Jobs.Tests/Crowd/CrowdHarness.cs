using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PainBias.Core.Domain;
using PainBias.Crowd.Tests.MTurk;
using PainBias.Data;
using PainBias.Data.Entities;
using PainBias.Jobs.Crowd;
using PainBias.TestSupport;

namespace PainBias.Jobs.Tests.Crowd;

/// <summary>
/// A real database, the MTurk stand-in on loopback, and the HIT lifecycle services wired as the hosts wire them
/// (AddMTurkHits), with every log line captured.
/// </summary>
public sealed class CrowdHarness : IAsyncDisposable
{
    private CrowdHarness(TestDatabase database, FakeMTurkServer server, ServiceProvider services, CapturedLogs logs)
    {
        Database = database;
        Server = server;
        Services = services;
        Logs = logs;
    }

    public TestDatabase Database { get; }
    public FakeMTurkServer Server { get; }
    public ServiceProvider Services { get; }
    public CapturedLogs Logs { get; }

    public MTurkPublisher Publisher => Services.GetRequiredService<MTurkPublisher>();
    public MTurkSyncJob Sync => Services.GetRequiredService<MTurkSyncJob>();
    public MTurkHitControl Control => Services.GetRequiredService<MTurkHitControl>();
    public MTurkBonusLedger Bonuses => Services.GetRequiredService<MTurkBonusLedger>();

    public static async Task<CrowdHarness> StartAsync(
        DatabaseProvider provider = DatabaseProvider.Sqlite, string? accessKeyId = FakeMTurkServer.AccessKeyId, string? secretAccessKey = FakeMTurkServer.SecretAccessKey)
    {
        var database = await TestDatabase.CreateAsync(provider);
        var server = await FakeMTurkServer.StartAsync();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["MTurk:Endpoint"] = server.Endpoint.ToString(),
            ["MTurk:AccessKeyId"] = accessKeyId,
            ["MTurk:SecretAccessKey"] = secretAccessKey,
            ["MTurk:MaxAttempts"] = "3",
            ["MTurk:BaseDelay"] = "00:00:00.001",
            ["MTurk:MaxDelay"] = "00:00:00.010",
            ["MTurk:MaxRequestsPerSecond"] = "100",
        }).Build();
        var logs = new CapturedLogs();
        var services = new ServiceCollection()
            .AddLogging(l => l.AddProvider(logs).SetMinimumLevel(LogLevel.Trace))
            .AddSingleton(database.Contexts)
            .AddSingleton(TimeProvider.System)
            .AddMTurkHits(configuration)
            .BuildServiceProvider(validateScopes: true);
        return new CrowdHarness(database, server, services, logs);
    }

    public async Task<TestData.SeededStudy> StudyAsync(int faces = 2)
    {
        await using var db = await Database.ContextAsync();
        var owner = await TestData.AddUserAsync(db, $"owner-{Guid.NewGuid():N}@example.org");
        return await TestData.AddStudyAsync(db, owner.Id, faces);
    }

    public async Task<MTurkLaunch> LaunchAsync(Guid studyId, int assignments, Action<MTurkLaunch>? configure = null)
    {
        var launch = new MTurkLaunch
        {
            Id = Guid.NewGuid(), StudyId = studyId, Sandbox = true, Status = MTurkLaunchStatus.Publishing, CreatedAt = DateTime.UtcNow,
            Title = "Rate the pain you see in a face", Description = "Look at one face and rate six facial action units.",
            Keywords = "pain, faces, rating", RewardCents = 50, AssignmentDurationMinutes = 30, LifetimeHours = 72, AutoApprovalHours = 72,
            TaskUrl = $"https://painbias.example.org/task/mturk/{studyId}", FrameHeight = 800, TotalAssignments = assignments,
            Locales = "US", RejectFor = ExclusionReason.FailedAttention, RejectFeedback = "Sorry: the answers did not pass our checks.",
            ApproveFeedback = "Thank you!",
        };
        configure?.Invoke(launch);
        await using var db = await Database.ContextAsync();
        db.MTurkLaunches.Add(launch);
        await db.SaveChangesAsync();
        return launch;
    }

    public async Task<MTurkLaunch> ReloadAsync(Guid launchId)
    {
        await using var db = await Database.ContextAsync();
        return await db.MTurkLaunches.AsNoTracking().SingleAsync(l => l.Id == launchId);
    }

    public async Task<List<MTurkHitBatch>> BatchesAsync(Guid launchId)
    {
        await using var db = await Database.ContextAsync();
        return await db.MTurkHitBatches.AsNoTracking().Where(b => b.LaunchId == launchId).OrderBy(b => b.Index).ToListAsync();
    }

    /// <summary>A worker who went through the task under an assignment, as the task would have recorded it.</summary>
    public async Task<Guid> SessionAsync(TestData.SeededStudy study, string workerId, string assignmentId, string hitId,
        TaskStep step = TaskStep.Completed, ExclusionReason exclusions = ExclusionReason.None, int variant = 0)
    {
        await using var db = await Database.ContextAsync();
        var worker = new Worker { Id = Guid.NewGuid(), Platform = Platform.MTurk, ExternalId = workerId, FirstSeenAt = DateTime.UtcNow };
        db.Workers.Add(worker);
        var session = new TaskSession
        {
            Id = Guid.NewGuid(), StudyId = study.Study.Id, WorkerId = worker.Id, Platform = Platform.MTurk, Culture = "en", Step = step,
            CreatedAt = DateTime.UtcNow, AssignmentId = assignmentId, HitId = hitId, TurkSubmitTo = "https://workersandbox.mturk.com",
        };
        db.TaskSessions.Add(session);
        if (step == TaskStep.Completed)
        {
            var reservation = TestData.Reserve(db, study.Variants[variant], worker, DateTime.UtcNow.AddMinutes(10));
            reservation.Status = ReservationStatus.Submitted;
            var assessment = new Assessment
            {
                Id = Guid.NewGuid(), StudyId = study.Study.Id, VariantId = study.Variants[variant].Id, WorkerId = worker.Id,
                ReservationId = reservation.Id, Platform = Platform.MTurk, IdempotencyKey = Guid.NewGuid(),
                StartedAt = DateTime.UtcNow.AddMinutes(-2), SubmittedAt = DateTime.UtcNow,
                Included = exclusions == ExclusionReason.None, ExclusionReasons = exclusions,
            };
            assessment.SetRating(AuRating.Create(1, 2, 1, 0, 1, 0));
            db.Assessments.Add(assessment);
        }
        await db.SaveChangesAsync();
        return session.Id;
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await Server.DisposeAsync();
        await Database.DisposeAsync();
    }
}
