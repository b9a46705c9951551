using Microsoft.EntityFrameworkCore;
using PainBias.Core.Domain;
using PainBias.Data.Entities;
using PainBias.Data.Summaries;
using PainBias.TestSupport;

namespace PainBias.Data.Tests.Summaries;

/// <summary>
/// The summaries the triggers keep equal a recount from the stored ratings after every kind of write: tracked inserts,
/// updates and deletes, ExecuteUpdate and ExecuteDelete, on both providers; and the migration's backfill gives the same.
/// </summary>
public class VariantRatingSummaryTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers;

    private static readonly DateTime Start = new(2026, 12, 1, 9, 0, 0, DateTimeKind.Utc);

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Summaries_equal_a_recount_after_inserts_inclusion_changes_and_deletes(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var random = new Random(7);
        List<Worker> workers;
        await using (var db = await database.ContextAsync())
        {
            var owner = await TestData.AddUserAsync(db, "owner@example.org");
            var seeded = await TestData.AddStudyAsync(db, owner.Id, faces: 3);
            workers = [.. Enumerable.Range(0, 12).Select(i => TestData.AddWorker(db, i % 3 == 0 ? Platform.Credamo : Platform.MTurk))];
            // Each worker rates one variant of every face: 36 ratings over 12 variants and two platforms.
            foreach (var worker in workers)
                foreach (var face in seeded.Faces)
                {
                    var variant = seeded.Variants.Where(v => v.SourceFaceId == face.Id).ElementAt(random.Next(4));
                    var reasons = random.Next(5) == 0 ? ExclusionReason.TooFast | (random.Next(2) == 0 ? ExclusionReason.FailedAttention : 0) : 0;
                    // Check and bot-signal flags, which a study may only report: on included ratings too.
                    var reported = random.Next(3) == 0 ? VariantRatingSummarySql.Reasons[random.Next(VariantRatingSummarySql.Reasons.Count)] : 0;
                    TestRatings.Add(db, variant, worker, RandomRating(random), Start.AddMinutes(random.Next(1000)),
                        included: reasons == 0, reasons: reasons | reported,
                        raceAnswer: Pick<Race>(random), ageAnswer: Pick<AgeGroup>(random), looksEdited: random.Next(3) switch { 0 => null, 1 => true, _ => false });
                }
            await db.SaveChangesAsync();
        }
        await AssertSummariesEqualRecountAsync(database, "after the inserts");

        await using (var db = await database.ContextAsync())
        {
            // Tracked updates: inclusion both ways, new AU values, changed answers.
            var some = await db.Assessments.OrderBy(a => a.Id).Take(8).ToListAsync();
            foreach (var a in some.Take(3))
                (a.Included, a.ExclusionReasons) = (false, ExclusionReason.DuplicateWorker);
            foreach (var a in some.Skip(3).Where(a => !a.Included))
                (a.Included, a.ExclusionReasons) = (true, ExclusionReason.None);
            foreach (var a in some.Skip(5))
            {
                a.SetRating(RandomRating(random));
                a.PerceivedRaceAnswer = a.PerceivedRaceAnswer == Race.B ? Race.W : Race.B;
                a.LooksEditedAnswer = a.LooksEditedAnswer is null;
            }
            await db.SaveChangesAsync();
        }
        await AssertSummariesEqualRecountAsync(database, "after tracked updates");

        await using (var db = await database.ContextAsync())
        {
            // Set-based: block one worker (every rating excluded at once), re-include an excluded one, touch a column no sum uses.
            await db.Assessments.Where(a => a.WorkerId == workers[1].Id).ExecuteUpdateAsync(s => s
                .SetProperty(a => a.Included, false).SetProperty(a => a.ExclusionReasons, a => a.ExclusionReasons | ExclusionReason.BlockedWorker));
            await db.Assessments.Where(a => a.WorkerId == workers[4].Id).ExecuteUpdateAsync(s => s
                .SetProperty(a => a.Included, true).SetProperty(a => a.ExclusionReasons, ExclusionReason.None));
            await db.Assessments.ExecuteUpdateAsync(s => s.SetProperty(a => a.AttentionPassed, false));
            await db.Assessments.Where(a => a.WorkerId == workers[2].Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.Au4, a => 5 - a.Au4));
        }
        await AssertSummariesEqualRecountAsync(database, "after ExecuteUpdate");

        await using (var db = await database.ContextAsync())
        {
            db.Assessments.RemoveRange(await db.Assessments.Where(a => a.WorkerId == workers[0].Id).ToListAsync());
            await db.SaveChangesAsync();
            await db.Assessments.Where(a => a.WorkerId == workers[5].Id || a.WorkerId == workers[6].Id).ExecuteDeleteAsync();
        }
        await AssertSummariesEqualRecountAsync(database, "after deletes");

        // The migration's backfill, run on the ratings left, gives the same table.
        await using (var db = await database.ContextAsync())
        {
            await db.VariantRatingSummaries.ExecuteDeleteAsync();
            await db.Database.ExecuteSqlRawAsync(provider == DatabaseProvider.Postgres
                ? VariantRatingSummarySql.Backfill("TRUE", "FALSE") : VariantRatingSummarySql.Backfill("1", "0"));
        }
        await AssertSummariesEqualRecountAsync(database, "after the backfill");
    }

    private static AuRating RandomRating(Random random) =>
        AuRating.Create(random.Next(6), random.Next(6), random.Next(6), random.Next(6), random.Next(6), random.Next(2));

    private static T? Pick<T>(Random random) where T : struct, Enum =>
        random.Next(4) == 0 ? null : Enum.GetValues<T>()[random.Next(Enum.GetValues<T>().Length)];

    private static async Task AssertSummariesEqualRecountAsync(TestDatabase database, string when)
    {
        await using var db = await database.ContextAsync();
        var ratings = await db.Assessments.AsNoTracking().ToListAsync();
        var stored = await db.VariantRatingSummaries.AsNoTracking().ToListAsync();
        Assert.NotEmpty(ratings);
        var expected = ratings.GroupBy(a => (a.VariantId, a.Platform)).ToDictionary(g => g.Key, g => Recount(g.ToList()));
        // A summary whose ratings were all deleted stays as a row of zeros.
        foreach (var s in stored.Where(s => !expected.ContainsKey((s.VariantId, s.Platform))))
            Assert.All(Values(s), v => Assert.Equal(0L, v.Value));
        foreach (var (key, want) in expected)
        {
            var got = stored.SingleOrDefault(s => (s.VariantId, s.Platform) == key);
            Assert.True(got is not null, $"{when}: no summary for variant {key.VariantId} on {key.Platform}");
            Assert.Equal(want.StudyId, got!.StudyId);
            Assert.Equal(Values(want), Values(got));
        }
    }

    private static List<KeyValuePair<string, long>> Values(VariantRatingSummary s) =>
        [.. typeof(VariantRatingSummary).GetProperties().Where(p => p.PropertyType == typeof(long))
            .Select(p => new KeyValuePair<string, long>(p.Name, (long)p.GetValue(s)!))];

    // The oracle: every summary column counted from the ratings in C#.
    private static VariantRatingSummary Recount(List<Assessment> all)
    {
        var included = all.Where(a => a.Included).ToList();
        long Count(ExclusionReason reason) => all.Count(a => a.ExclusionReasons.HasFlag(reason));
        long Sum(Func<Assessment, int> value) => included.Sum(a => (long)value(a));
        long Squares(Func<Assessment, int> value) => included.Sum(a => (long)value(a) * value(a));
        return new VariantRatingSummary
        {
            VariantId = all[0].VariantId, Platform = all[0].Platform, StudyId = all[0].StudyId,
            Submitted = all.Count,
            FailedScreening = Count(ExclusionReason.FailedScreening), FailedAttention = Count(ExclusionReason.FailedAttention),
            TooFast = Count(ExclusionReason.TooFast), DuplicateWorker = Count(ExclusionReason.DuplicateWorker),
            BlockedWorker = Count(ExclusionReason.BlockedWorker), Preview = Count(ExclusionReason.Preview),
            ManipulationCheckFailed = Count(ExclusionReason.ManipulationCheckFailed), LooksEdited = Count(ExclusionReason.LooksEdited),
            Honeypot = Count(ExclusionReason.Honeypot), UniformAnswers = Count(ExclusionReason.UniformAnswers),
            IdenticalAnswers = Count(ExclusionReason.IdenticalAnswers), SharedNetwork = Count(ExclusionReason.SharedNetwork),
            Included = included.Count,
            PspiSum = Sum(a => a.Pspi), PspiSumSquares = Squares(a => a.Pspi),
            Au4Sum = Sum(a => a.Au4), Au4SumSquares = Squares(a => a.Au4),
            Au6Sum = Sum(a => a.Au6), Au6SumSquares = Squares(a => a.Au6),
            Au7Sum = Sum(a => a.Au7), Au7SumSquares = Squares(a => a.Au7),
            Au9Sum = Sum(a => a.Au9), Au9SumSquares = Squares(a => a.Au9),
            Au10Sum = Sum(a => a.Au10), Au10SumSquares = Squares(a => a.Au10),
            Au43Sum = Sum(a => a.Au43), Au43SumSquares = Squares(a => a.Au43),
            RaceAnswerW = included.Count(a => a.PerceivedRaceAnswer == Race.W), RaceAnswerB = included.Count(a => a.PerceivedRaceAnswer == Race.B),
            AgeAnswerYoung = included.Count(a => a.PerceivedAgeAnswer == AgeGroup.Young),
            AgeAnswerSenior = included.Count(a => a.PerceivedAgeAnswer == AgeGroup.Senior),
            LooksEditedYes = included.Count(a => a.LooksEditedAnswer == true), LooksEditedNo = included.Count(a => a.LooksEditedAnswer == false),
        };
    }
}
