using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using PainBias.Core.Domain;
using PainBias.Data;
using PainBias.Data.Allocation;
using PainBias.Data.Entities;
using PainBias.TestSupport;
using PainBias.Web.Features.AssessorTask;

namespace PainBias.Benchmarks;

/// <summary>
/// Simulated assessors on PostgreSQL going through the task's server side (arrival, consent, allocation, rating submit)
/// with the web app's own handlers, <c>concurrency</c> at a time, until every slot of the study is filled. No HTTP and
/// no rendering: this measures the database work that must stay correct under load. A small warm-up study runs first
/// (JIT, EF query cache, connection pool), then two measured runs: the whole journey per assessor (mixed), and the same
/// steps phase by phase over all assessors (every allocation, then every submit), which gives allocations/s and
/// submits/s on their own. CPU seconds of this process and of the database's server processes are printed per arrival,
/// so the figures say where the time goes on a shared machine.
/// </summary>
public static class TaskThroughput
{
    private const int K = 5;

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
        var faces = (int)Math.Ceiling(assessors / (4.0 * K));

        await MixedAsync(provider, await StudyAsync(database, "warm-up", 10), 200, concurrency, "warm");
        var failed = 0;

        var mixed = await StudyAsync(database, "mixed", faces);
        var meter = await Meter.StartAsync(database);
        var run = await MixedAsync(provider, mixed, assessors, concurrency, "mix");
        var cost = await meter.StopAsync();
        Console.WriteLine($"PostgreSQL, {assessors} simulated assessors, {concurrency} concurrent, {faces} faces × 4 variants, k={K}");
        Console.WriteLine("Whole journey per assessor (arrive, consent, allocate, load, submit):");
        Console.WriteLine($"  wall time            {run.Wall.TotalSeconds:F2} s");
        Console.WriteLine($"  full arrivals/s      {assessors / run.Wall.TotalSeconds:F0}");
        Console.WriteLine($"  submits/s            {run.Submits.Count / run.Wall.TotalSeconds:F0}");
        Console.WriteLine($"  allocation latency   {Latency(run.Allocations)}");
        Console.WriteLine($"  submit latency       {Latency(run.Submits)}");
        Console.WriteLine($"  CPU per arrival      {cost.Describe(assessors)}");
        failed += await CheckAsync(database, mixed);

        var phased = await StudyAsync(database, "phased", faces);
        meter = await Meter.StartAsync(database);
        var sessions = await ForAllAsync(provider, assessors, concurrency, async (scope, i) =>
        {
            var start = await scope.GetRequiredService<StartTask.Handler>()
                .HandleAsync(new StartTask.Command(phased, Platform.MTurk, $"P{i:00000}", "en", $"B{i}"), CancellationToken.None);
            var session = start.SessionId!.Value;
            await scope.GetRequiredService<TaskFlow>().SubmitAsync(session, new TaskForm { Step = nameof(TaskStep.Consent), Consent = "yes" }, CancellationToken.None);
            return session;
        });
        var arrivalCost = await meter.StopAsync();
        meter = await Meter.StartAsync(database);
        var allocated = await ForAllAsync(provider, assessors, concurrency, async (scope, i) =>
        {
            var flow = scope.GetRequiredService<TaskFlow>();
            var watch = Stopwatch.StartNew();
            await flow.SubmitAsync(sessions[i].Result, new TaskForm { Step = nameof(TaskStep.Instructions) }, CancellationToken.None);
            return watch.Elapsed;
        });
        var allocationCost = await meter.StopAsync();
        meter = await Meter.StartAsync(database);
        var submitted = await ForAllAsync(provider, assessors, concurrency, async (scope, i) =>
        {
            var flow = scope.GetRequiredService<TaskFlow>();
            var view = await flow.LoadAsync(sessions[i].Result, null, CancellationToken.None);
            if (view?.VariantId is not { } variant)
                return (TimeSpan?)null;
            var watch = Stopwatch.StartNew();
            var errors = await flow.SubmitAsync(sessions[i].Result, Rating(variant), CancellationToken.None);
            return errors.Count == 0 ? watch.Elapsed : throw new InvalidOperationException(string.Join(" ", errors));
        });
        var submitCost = await meter.StopAsync();
        var allocations = allocated.Select(r => r.Result.TotalMilliseconds).ToList();
        var submits = submitted.Where(r => r.Result is not null).Select(r => r.Result!.Value.TotalMilliseconds).ToList();
        Console.WriteLine("Phase by phase (every arrival + consent, then every allocation, then every page load + submit):");
        Console.WriteLine($"  arrivals + consent/s {assessors / arrivalCost.Wall.TotalSeconds:F0}, CPU per arrival + consent {arrivalCost.Describe(assessors)}");
        Console.WriteLine($"  allocations/s        {assessors / allocationCost.Wall.TotalSeconds:F0}, latency {Latency(allocations)}, CPU per allocation {allocationCost.Describe(assessors)}");
        Console.WriteLine($"  submits/s            {submits.Count / submitCost.Wall.TotalSeconds:F0} (page load + submit), submit latency {Latency(submits)}, CPU per load + submit {submitCost.Describe(submits.Count)}");
        failed += await CheckAsync(database, phased);
        return failed == 0 ? 0 : 1;
    }

    private sealed record Run(TimeSpan Wall, List<double> Allocations, List<double> Submits);

    private static async Task<Run> MixedAsync(IServiceProvider provider, Guid studyId, int assessors, int concurrency, string prefix)
    {
        var total = Stopwatch.StartNew();
        var results = await ForAllAsync(provider, assessors, concurrency, async (scope, i) =>
        {
            var flow = scope.GetRequiredService<TaskFlow>();
            var start = await scope.GetRequiredService<StartTask.Handler>()
                .HandleAsync(new StartTask.Command(studyId, Platform.MTurk, $"{prefix}{i:00000}", "en", $"{prefix}A{i}"), CancellationToken.None);
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
        });
        total.Stop();
        return new Run(total.Elapsed, results.Select(r => r.Result.allocated).ToList(),
            results.Select(r => r.Result.Item2).Where(s => !double.IsNaN(s)).ToList());
    }

    /// <summary>Runs <paramref name="body"/> for every assessor, <paramref name="concurrency"/> at a time, each in its own DI scope (as a request is).</summary>
    private static async Task<List<Task<T>>> ForAllAsync<T>(IServiceProvider provider, int count, int concurrency, Func<IServiceProvider, int, Task<T>> body)
    {
        var gate = new SemaphoreSlim(concurrency);
        var runs = Enumerable.Range(0, count).Select(async i =>
        {
            await gate.WaitAsync();
            try
            {
                await using var scope = provider.CreateAsyncScope();
                return await body(scope.ServiceProvider, i);
            }
            finally
            {
                gate.Release();
            }
        }).ToList();
        await Task.WhenAll(runs);
        return runs;
    }

    private static async Task<Guid> StudyAsync(TestDatabase database, string owner, int faces)
    {
        await using var db = await database.ContextAsync();
        var user = await TestData.AddUserAsync(db, $"{owner}@example.org");
        var studyId = (await TestData.AddStudyAsync(db, user.Id, faces)).Study.Id;
        await db.Studies.Where(s => s.Id == studyId).ExecuteUpdateAsync(s => s.SetProperty(x => x.MinSecondsPerRating, 0).SetProperty(x => x.RatingsPerVariantMTurk, K));
        return studyId;
    }

    private static TaskForm Rating(Guid variant) => new()
    {
        Step = nameof(TaskStep.Rating), IdempotencyKey = Guid.NewGuid(), VariantId = variant,
        Au4 = 2, Au6 = 1, Au7 = 3, Au9 = 0, Au10 = 4, Au43 = 1,
        Attention = "slightly", PerceivedRace = "W", PerceivedAge = "Young", LooksEdited = "no",
    };

    /// <summary>Prints and counts invariant violations and slot counters that differ from a recount.</summary>
    private static async Task<int> CheckAsync(TestDatabase database, Guid studyId)
    {
        await using var db = await database.ContextAsync();
        var overfilled = await db.Reservations.Where(r => r.StudyId == studyId && r.Status != ReservationStatus.Expired)
            .GroupBy(r => r.VariantId).CountAsync(g => g.Count() > K);
        var doubled = await db.Reservations.Where(r => r.StudyId == studyId)
            .GroupBy(r => new { r.WorkerId, r.SourceFaceId }).CountAsync(g => g.Count() > 1);
        var rerated = await db.Assessments.Where(a => a.StudyId == studyId).GroupBy(a => a.ReservationId).CountAsync(g => g.Count() > 1);
        var unfilled = await db.VariantSlotCounters.CountAsync(c => c.StudyId == studyId && c.Platform == Platform.MTurk && c.Filled != K);
        var drift = (await SlotCounters.DriftAsync(db, studyId)).Count;
        Console.WriteLine($"  invariant violations {overfilled + doubled + rerated} (over-filled variants {overfilled}, two variants of a face {doubled}, slots rated twice {rerated}); variants not at k: {unfilled}");
        Console.WriteLine($"  slot counters that differ from a recount: {drift}");
        return overfilled + doubled + rerated + drift;
    }

    private static string Latency(List<double> values) => $"p50 {Percentile(values, 50):F1} ms, p99 {Percentile(values, 99):F1} ms";

    private static double Percentile(List<double> values, int percentile)
    {
        if (values.Count == 0)
            return double.NaN;
        var sorted = values.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];
    }

    /// <summary>Wall time, this process's CPU time and the CPU time of the database's server processes (Linux /proc) over a phase.</summary>
    private sealed class Meter
    {
        private TestDatabase _database = null!;
        private Stopwatch _wall = null!;
        private TimeSpan _client;
        private Dictionary<int, double> _server = [];

        public static async Task<Meter> StartAsync(TestDatabase database) => new()
        {
            _database = database, _client = Process.GetCurrentProcess().TotalProcessorTime,
            _server = await ServerCpuAsync(database), _wall = Stopwatch.StartNew(),
        };

        public async Task<Cost> StopAsync()
        {
            var wall = _wall.Elapsed;
            var client = Process.GetCurrentProcess().TotalProcessorTime - _client;
            var after = await ServerCpuAsync(_database);
            var server = after.Count == 0 ? (double?)null : after.Sum(p => p.Value - _server.GetValueOrDefault(p.Key));
            return new Cost(wall, client.TotalSeconds, server);
        }

        /// <summary>utime + stime in seconds of every server process connected to the benchmark's database.</summary>
        private static async Task<Dictionary<int, double>> ServerCpuAsync(TestDatabase database)
        {
            var cpu = new Dictionary<int, double>();
            await using var connection = new NpgsqlConnection(database.Resolved.ConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()", connection);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var pid = reader.GetInt32(0);
                try
                {
                    var fields = File.ReadAllText($"/proc/{pid}/stat").Split(')')[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
                    cpu[pid] = (double.Parse(fields[11]) + double.Parse(fields[12])) / 100.0; // clock ticks, USER_HZ = 100
                }
                catch (IOException)
                {
                    // A server on another machine, or a process that just ended: no server figure.
                }
                catch (UnauthorizedAccessException)
                {
                }
            }
            return cpu;
        }
    }

    private sealed record Cost(TimeSpan Wall, double ClientSeconds, double? ServerSeconds)
    {
        public string Describe(int count) =>
            $"client {ClientSeconds * 1000 / count:F2} ms, PostgreSQL {(ServerSeconds is { } s ? $"{s * 1000 / count:F2} ms" : "n/a")} (of {Wall.TotalSeconds:F1} s wall, {ClientSeconds / Wall.TotalSeconds:F2} + {(ServerSeconds ?? double.NaN) / Wall.TotalSeconds:F2} cores busy)";
    }
}
