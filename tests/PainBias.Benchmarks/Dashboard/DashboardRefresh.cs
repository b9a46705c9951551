using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using PainBias.Core.Domain;
using PainBias.Core.Statistics;
using PainBias.Data;
using PainBias.Data.Entities;
using PainBias.TestSupport;
using PainBias.Web.Features.Dashboard;
using PainBias.Web.Hosting;

namespace PainBias.Benchmarks.Dashboard;

/// <summary>
/// The live dashboard's refresh on PostgreSQL at N stored ratings, beside R recomputing the same statistics from the same
/// ratings. Per N: a fresh database, N synthetic ratings bulk-loaded with binary COPY (the summary triggers fire as on
/// any write), then our refresh (the dashboard's queries and its computation, as a page refresh runs them) timed after
/// warm-up, median of <c>runs</c>; then the included ratings as a fixture-format CSV and <c>Rscript dashboard.R</c> on it,
/// its CSV read and its computation timed apart. Every number of Tables 1–4 and the paired tests is compared with R's
/// (1e-9 relative); a difference fails the run.
/// </summary>
public static class DashboardRefresh
{
    private const int RatingsPerWorker = 20;
    private const int HeldNow = 200;

    // Enough refreshes for tiered JIT to have compiled the hot paths fully, as on a server that has been up a while.
    private const int Warmups = 30;
    private static readonly DateTime Start = new(2026, 12, 1, 9, 0, 0, DateTimeKind.Utc);

    public static async Task<int> RunAsync(IReadOnlyList<int> sizes, int faces, int runs, string rscript)
    {
        var script = Path.Combine(AppContext.BaseDirectory, "Dashboard", "dashboard.R");
        var rows = new List<string>();
        var failed = false;
        Console.WriteLine($"Dashboard refresh: {faces} faces x 4 variants, MTurk and Credamo, {RatingsPerWorker} ratings per assessor, median of {runs} refreshes after {Warmups} warm-ups");
        foreach (var n in sizes)
        {
            await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
            var load = Stopwatch.StartNew();
            var (studyId, ownerId, observations) = await SeedAsync(database, n, faces);
            Console.WriteLine($"  N={n}: loaded in {load.Elapsed.TotalSeconds:0.0} s");

            var queries = new DashboardQueries(database.Contexts, TimeProvider.System);
            var actor = new Actor(ownerId, false);
            DashboardView? view = null;
            var times = new List<double>();
            var loads = new List<double>();
            for (var i = 0; i < runs + Warmups; i++)
            {
                var watch = Stopwatch.StartNew();
                var input = await queries.LoadSummariesAsync(studyId, actor, CancellationToken.None);
                var loaded = watch.Elapsed.TotalMilliseconds;
                view = DashboardBuilder.Build(input!, targetHalfWidth: 0.5);
                if (i >= Warmups)
                {
                    times.Add(watch.Elapsed.TotalMilliseconds);
                    loads.Add(loaded);
                }
            }
            var ours = Median(times);
            // The per-face intervals are computed when the per-face chart is drawn; this is every one of them.
            var faceTimes = new List<double>();
            for (var i = 0; i < 5; i++)
            {
                var input = await queries.LoadSummariesAsync(studyId, actor, CancellationToken.None);
                var watch = Stopwatch.StartNew();
                var all = DashboardBuilder.Build(input!, targetHalfWidth: 0.5);
                var count = all.Platforms.SelectMany(p => p.Samples).Sum(x => x.RaceByFace.Count + x.AgeByFace.Count);
                faceTimes.Add(watch.Elapsed.TotalMilliseconds);
            }

            var work = Directory.CreateTempSubdirectory("painbias-bench-").FullName;
            try
            {
                var csv = Path.Combine(work, "ratings.csv");
                await using (var writer = new StreamWriter(csv))
                    RatingsCsvWriter.Write(writer, observations);
                var output = Path.Combine(work, "r.json");
                var wall = Stopwatch.StartNew();
                var r = Process.Start(new ProcessStartInfo(rscript, [script, csv, output]) { RedirectStandardError = true })!;
                var stderr = await r.StandardError.ReadToEndAsync();
                await r.WaitForExitAsync();
                var rWall = wall.Elapsed.TotalMilliseconds;
                if (r.ExitCode != 0)
                {
                    Console.Error.WriteLine($"Rscript failed ({r.ExitCode}): {stderr}");
                    return 1;
                }
                var check = RAgreement.Compare(view!, await File.ReadAllTextAsync(output));
                failed |= check.Mismatches.Count > 0;
                foreach (var m in check.Mismatches.Take(10))
                    Console.Error.WriteLine($"  MISMATCH N={n}: {m}");
                rows.Add(string.Create(CultureInfo.InvariantCulture,
                    $"| {n,9} | {ours,9:0.0} | {Median(loads),9:0.0} | {check.ComputeMs,9:0} | {check.ReadMs,9:0} | {rWall,9:0} | {check.ComputeMs / ours,8:0}x | {check.Compared,6} numbers, {check.Mismatches.Count} differ | {Median(faceTimes),9:0.0} |"));
                Console.WriteLine("  " + rows[^1]);
            }
            finally
            {
                Directory.Delete(work, recursive: true);
            }
        }
        Console.WriteLine();
        Console.WriteLine("|         N | ours (ms) | queries   | R compute | R read    | R wall    |  R/ours  | ours vs R | all per-face |");
        Console.WriteLine("|----------:|----------:|----------:|----------:|----------:|----------:|---------:|-----------|----------:|");
        foreach (var row in rows)
            Console.WriteLine(row);
        Console.WriteLine("ours = dashboard refresh on the server (queries + computation), median; queries = the database part of it;");
        Console.WriteLine("R compute = R's statistics after read.csv; R read = its read.csv; R wall = the whole Rscript process; R/ours = R compute / ours;");
        Console.WriteLine("all per-face = computing every per-face interval of every platform and sample (drawn on demand by the per-face chart), median of 5.");
        return failed ? 1 : 0;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private sealed record Face(Guid Id, string Label, Gender Gender, Race Race, AgeGroup Age, Guid[] Variants, double Effect);

    /// <summary>A study of <paramref name="faces"/> faces with N ratings, assessors' sessions and some live holds.</summary>
    private static async Task<(Guid StudyId, string OwnerId, List<RatingObservation> Included)> SeedAsync(TestDatabase database, int n, int faces)
    {
        var random = new Random(20261204 + n);
        Guid studyId;
        string ownerId;
        var faceList = new List<Face>();
        await using (var db = await database.ContextAsync())
        {
            ownerId = (await TestData.AddUserAsync(db, "bench@example.org")).Id;
            var study = new Study { Id = Guid.NewGuid(), Name = $"Benchmark {n}", OwnerId = ownerId, CreatedAt = Start };
            db.Studies.Add(study);
            studyId = study.Id;
            for (var i = 0; i < faces; i++)
            {
                var face = new SourceFace
                {
                    Id = Guid.NewGuid(), StudyId = studyId, Label = $"S{i:0000}", Gender = i % 2 == 0 ? Gender.F : Gender.M,
                    Race = i / 2 % 2 == 0 ? Race.W : Race.B, AgeGroup = i / 4 % 2 == 0 ? AgeGroup.Young : AgeGroup.Senior,
                    OriginalSha256 = TestData.AddBlob(db, $"{studyId} {i}").Sha256, CreatedAt = Start,
                };
                db.SourceFaces.Add(face);
                var variants = Enum.GetValues<Condition>().Select(c =>
                {
                    var v = new Variant
                    {
                        Id = Guid.NewGuid(), StudyId = studyId, SourceFaceId = face.Id, Condition = c,
                        ImageSha256 = c == Condition.Original ? face.OriginalSha256 : TestData.AddBlob(db, $"{face.Id} {c}").Sha256,
                        Editor = "benchmark", CreatedAt = Start,
                    };
                    db.Variants.Add(v);
                    return v.Id;
                }).ToArray();
                faceList.Add(new Face(face.Id, face.Label, face.Gender, face.Race, face.AgeGroup, variants, Normal(random) * 0.8));
            }
            await db.SaveChangesAsync();
        }

        var workers = (n + RatingsPerWorker - 1) / RatingsPerWorker;
        var workerIds = Enumerable.Range(0, workers + HeldNow).Select(_ => Guid.NewGuid()).ToArray();
        Platform PlatformOf(int w) => w % 5 < 3 ? Platform.MTurk : Platform.Credamo;
        var included = new List<RatingObservation>(n);

        await using var connection = new NpgsqlConnection(database.Resolved.ConnectionString);
        await connection.OpenAsync();
        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY \"Workers\" (\"Id\", \"Platform\", \"ExternalId\", \"FirstSeenAt\", \"Blocked\") FROM STDIN (FORMAT BINARY)"))
        {
            copy.Timeout = TimeSpan.FromMinutes(10);
            for (var w = 0; w < workerIds.Length; w++)
                await copy.WriteRowAsync(default, workerIds[w], PlatformOf(w).ToString(), $"BENCH{n}-{w:0000000}", Start, false);
            await copy.CompleteAsync();
        }
        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY \"TaskSessions\" (\"Id\", \"StudyId\", \"WorkerId\", \"Platform\", \"Culture\", \"Step\", \"IsPreview\", \"CreatedAt\", " +
            "\"ScreeningIndex\", \"ScreeningMisses\", \"ComprehensionPassed\") FROM STDIN (FORMAT BINARY)"))
        {
            copy.Timeout = TimeSpan.FromMinutes(10);
            for (var w = 0; w < workerIds.Length; w++)
            {
                var step = w < workers ? TaskStep.Completed : TaskStep.Rating;
                await copy.WriteRowAsync(default, Guid.NewGuid(), studyId, workerIds[w], PlatformOf(w).ToString(), "en", step.ToString(), false, Start, 0, 0, true);
            }
            await copy.CompleteAsync();
        }

        // Reservations first (the ratings reference them), then the ratings, each in one COPY.
        var ratings = new List<(Guid Id, Guid Reservation, int Worker, Face Face, Condition Condition, AuRating Rating, bool Included, ExclusionReason Reasons, Race? RaceAnswer, AgeGroup? AgeAnswer, bool? LooksEdited)>(n);
        for (var i = 0; i < n; i++)
        {
            var w = i / RatingsPerWorker;
            // An assessor's faces are consecutive from a random start, so no assessor sees two variants of one face.
            var face = faceList[(Hash(w) + i % RatingsPerWorker) % faces];
            var condition = (Condition)random.Next(4);
            var race = condition.PerceivedRace(face.Race);
            var age = condition.PerceivedAge(face.Age);
            var level = 1.6 + face.Effect + (race == Race.W ? 0.25 : 0) + (age == AgeGroup.Senior ? 0.2 : 0);
            int Au(double mean, int max) => Math.Clamp((int)Math.Round(mean + Normal(random)), 0, max);
            var rating = AuRating.Create(Au(level, 5), Au(level * 0.9, 5), Au(level, 5), Au(level * 0.5, 5), Au(level * 0.6, 5), random.NextDouble() < 0.15 ? 1 : 0);
            var reasons = random.NextDouble() < 0.04 ? ExclusionReason.TooFast : random.NextDouble() < 0.02 ? ExclusionReason.FailedAttention : ExclusionReason.None;
            Race? raceAnswer = random.NextDouble() < 0.1 ? null : random.NextDouble() < 0.9 ? race : (Race)(1 - (int)race);
            AgeGroup? ageAnswer = random.NextDouble() < 0.1 ? null : random.NextDouble() < 0.85 ? age : (AgeGroup)(1 - (int)age);
            bool? edited = random.NextDouble() < 0.2 ? null : random.NextDouble() < 0.3;
            ratings.Add((Guid.NewGuid(), Guid.NewGuid(), w, face, condition, rating, reasons == 0, reasons, raceAnswer, ageAnswer, edited));
            if (reasons == 0)
                included.Add(new RatingObservation(PlatformOf(w).ToString(), workerIds[w].ToString("N"), face.Label, face.Gender, face.Race, face.Age,
                    condition, race, age, rating));
        }
        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY \"Reservations\" (\"Id\", \"StudyId\", \"VariantId\", \"SourceFaceId\", \"WorkerId\", \"Platform\", \"Status\", \"CreatedAt\", \"HeldUntil\") FROM STDIN (FORMAT BINARY)"))
        {
            copy.Timeout = TimeSpan.FromMinutes(10);
            foreach (var r in ratings)
                await copy.WriteRowAsync(default, r.Reservation, studyId, r.Face.Variants[(int)r.Condition], r.Face.Id, workerIds[r.Worker],
                    PlatformOf(r.Worker).ToString(), nameof(ReservationStatus.Submitted), Start, Start.AddMinutes(30));
            // Assessors rating right now: live holds the progress panel counts.
            for (var h = 0; h < HeldNow; h++)
            {
                var face = faceList[h % faces];
                await copy.WriteRowAsync(default, Guid.NewGuid(), studyId, face.Variants[h % 4], face.Id, workerIds[workers + h],
                    PlatformOf(workers + h).ToString(), nameof(ReservationStatus.Held), DateTime.UtcNow, DateTime.UtcNow.AddHours(1));
            }
            await copy.CompleteAsync();
        }
        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY \"Assessments\" (\"Id\", \"StudyId\", \"VariantId\", \"WorkerId\", \"ReservationId\", \"Platform\", \"IdempotencyKey\", " +
            "\"Au4\", \"Au6\", \"Au7\", \"Au9\", \"Au10\", \"Au43\", \"Pspi\", \"PerceivedRaceAnswer\", \"PerceivedAgeAnswer\", \"LooksEditedAnswer\", " +
            "\"AttentionPassed\", \"StartedAt\", \"SubmittedAt\", \"Included\", \"ExclusionReasons\") FROM STDIN (FORMAT BINARY)"))
        {
            copy.Timeout = TimeSpan.FromMinutes(10);
            var i = 0;
            foreach (var r in ratings)
            {
                var submitted = Start.AddSeconds(i++);
                var a = r.Rating;
                await copy.StartRowAsync();
                foreach (var value in new object?[]
                         {
                             r.Id, studyId, r.Face.Variants[(int)r.Condition], workerIds[r.Worker], r.Reservation, PlatformOf(r.Worker).ToString(), Guid.NewGuid(),
                             a.Au4, a.Au6, a.Au7, a.Au9, a.Au10, a.Au43, a.Pspi, r.RaceAnswer?.ToString(), r.AgeAnswer?.ToString(), r.LooksEdited,
                             r.Reasons != ExclusionReason.FailedAttention, submitted.AddSeconds(-40), submitted, r.Included, (int)r.Reasons,
                         })
                {
                    if (value is null)
                        await copy.WriteNullAsync();
                    else
                        await copy.WriteAsync(value);
                }
            }
            await copy.CompleteAsync();
        }
        // As autovacuum would have by then: statistics and the visibility map for index-only scans.
        await using (var vacuum = new NpgsqlCommand("VACUUM ANALYZE", connection))
        {
            vacuum.CommandTimeout = 600;
            await vacuum.ExecuteNonQueryAsync();
        }
        return (studyId, ownerId, included);
    }

    private static int Hash(int w) => (int)((uint)(w * 2654435761u) >> 8);

    private static double Normal(Random random) =>
        Math.Sqrt(-2.0 * Math.Log(1.0 - random.NextDouble())) * Math.Cos(2.0 * Math.PI * random.NextDouble());
}
