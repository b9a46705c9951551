using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PainBias.Core.Domain;
using PainBias.Data;
using PainBias.Data.Entities;
using PainBias.TestSupport;
using PainBias.Web.Features.AssessorTask;

namespace PainBias.Benchmarks;

/// <summary>
/// Simulated assessors on PostgreSQL going through the task's server side (arrival, consent, allocation, rating submit)
/// with the web app's own handlers, <c>concurrency</c> at a time, until every slot of the study is filled. No HTTP and
/// no rendering: this measures the database work that must stay correct under load.
/// </summary>
public static class TaskThroughput
{
    public static async Task<int> RunAsync(int assessors, int concurrency)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddPainBiasData(new ConfigurationBuilder().AddInMemoryCollection(database.Settings).Build());
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<StartTask.Handler>();
        services.AddScoped<SubmitRating.Handler>();
        services.AddScoped<SubmitScreening.Handler>();
        services.AddScoped<TaskFlow>();
        await using var provider = services.BuildServiceProvider();

        const int k = 5;
        var faces = (int)Math.Ceiling(assessors / (4.0 * k));
        Guid studyId;
        await using (var db = await database.ContextAsync())
        {
            var owner = await TestData.AddUserAsync(db, "bench@example.org");
            studyId = (await TestData.AddStudyAsync(db, owner.Id, faces)).Study.Id;
            await db.Studies.Where(s => s.Id == studyId).ExecuteUpdateAsync(s => s.SetProperty(x => x.MinSecondsPerRating, 0));
        }

        var allocations = new List<double>();
        var submits = new List<double>();
        var gate = new SemaphoreSlim(concurrency);
        var total = Stopwatch.StartNew();
        var runs = Enumerable.Range(0, assessors).Select(async i =>
        {
            await gate.WaitAsync();
            try
            {
                await using var scope = provider.CreateAsyncScope();
                var flow = scope.ServiceProvider.GetRequiredService<TaskFlow>();
                var start = await scope.ServiceProvider.GetRequiredService<StartTask.Handler>()
                    .HandleAsync(new StartTask.Command(studyId, Platform.MTurk, $"W{i:00000}", "en", $"A{i}"), CancellationToken.None);
                var session = start.SessionId!.Value;
                await flow.SubmitAsync(session, new TaskForm { Step = nameof(TaskStep.Consent), Consent = "yes" }, CancellationToken.None);
                var watch = Stopwatch.StartNew();
                await flow.SubmitAsync(session, new TaskForm { Step = nameof(TaskStep.Instructions) }, CancellationToken.None);
                var allocated = watch.Elapsed.TotalMilliseconds;
                var view = await flow.LoadAsync(session, null, CancellationToken.None);
                if (view?.VariantId is not { } variant)
                    return (allocated, double.NaN);
                watch.Restart();
                var errors = await flow.SubmitAsync(session, Rating(variant), CancellationToken.None);
                return errors.Count == 0 ? (allocated, watch.Elapsed.TotalMilliseconds) : throw new InvalidOperationException(string.Join(" ", errors));
            }
            finally
            {
                gate.Release();
            }
        }).ToList();
        foreach (var (allocated, submitted) in await Task.WhenAll(runs))
        {
            allocations.Add(allocated);
            if (!double.IsNaN(submitted))
                submits.Add(submitted);
        }
        total.Stop();

        var violations = await CountViolationsAsync(database, studyId, k);
        Console.WriteLine($"PostgreSQL, {assessors} simulated assessors, {concurrency} concurrent, {faces} faces × 4 variants, k={k}");
        Console.WriteLine($"  wall time            {total.Elapsed.TotalSeconds:F2} s");
        Console.WriteLine($"  full arrivals/s      {assessors / total.Elapsed.TotalSeconds:F0} (arrive, consent, allocate, load, submit)");
        Console.WriteLine($"  submits/s            {submits.Count / total.Elapsed.TotalSeconds:F0}");
        Console.WriteLine($"  allocation latency   p50 {Percentile(allocations, 50):F1} ms, p99 {Percentile(allocations, 99):F1} ms");
        Console.WriteLine($"  submit latency       p50 {Percentile(submits, 50):F1} ms, p99 {Percentile(submits, 99):F1} ms");
        Console.WriteLine($"  invariant violations {violations}");
        return violations == 0 ? 0 : 1;
    }

    private static TaskForm Rating(Guid variant) => new()
    {
        Step = nameof(TaskStep.Rating), IdempotencyKey = Guid.NewGuid(), VariantId = variant,
        Au4 = 2, Au6 = 1, Au7 = 3, Au9 = 0, Au10 = 4, Au43 = 1,
        Attention = "slightly", PerceivedRace = "W", PerceivedAge = "Young", LooksEdited = "no",
    };

    /// <summary>Over-filled variants, plus workers holding two variants of one face, plus slots rated twice.</summary>
    private static async Task<int> CountViolationsAsync(TestDatabase database, Guid studyId, int k)
    {
        await using var db = await database.ContextAsync();
        var overfilled = await db.Reservations.Where(r => r.StudyId == studyId && r.Status != ReservationStatus.Expired)
            .GroupBy(r => r.VariantId).CountAsync(g => g.Count() > k);
        var doubled = await db.Reservations.Where(r => r.StudyId == studyId)
            .GroupBy(r => new { r.WorkerId, r.SourceFaceId }).CountAsync(g => g.Count() > 1);
        var rerated = await db.Assessments.Where(a => a.StudyId == studyId).GroupBy(a => a.ReservationId).CountAsync(g => g.Count() > 1);
        return overfilled + doubled + rerated;
    }

    private static double Percentile(List<double> values, int percentile)
    {
        if (values.Count == 0)
            return double.NaN;
        var sorted = values.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];
    }
}
