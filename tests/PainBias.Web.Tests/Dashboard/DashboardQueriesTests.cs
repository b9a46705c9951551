using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PainBias.Core.Domain;
using PainBias.Core.Statistics;
using PainBias.Data;
using PainBias.Data.Entities;
using PainBias.TestSupport;
using PainBias.Web.Features.Dashboard;
using PainBias.Web.Hosting;

namespace PainBias.Web.Tests.Dashboard;

/// <summary>The dashboard's numbers, computed from ratings stored in a real database of either provider, equal R's.</summary>
public class DashboardQueriesTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers;

    private static void Near(double expected, double? actual, string what)
    {
        Assert.True(actual is not null, $"{what}: expected {expected}, got undefined");
        var tolerance = Math.Max(1e-12, 1e-9 * Math.Abs(expected));
        Assert.True(Math.Abs(expected - actual!.Value) <= tolerance, $"{what}: expected {expected}, got {actual}");
    }

    private static void Same(JsonElement r, BiasComparison c, string x, string y, string what)
    {
        Near(r.GetProperty($"mean_{x}").GetDouble(), c.X.Mean, $"{what} mean {x}");
        Near(r.GetProperty($"mean_{y}").GetDouble(), c.Y.Mean, $"{what} mean {y}");
        Assert.Equal(r.GetProperty($"n_{x}").GetInt32(), c.X.N);
        Assert.Equal(r.GetProperty($"n_{y}").GetInt32(), c.Y.N);
        Near(r.GetProperty($"diff_{x}_minus_{y}").GetDouble(), c.Difference, $"{what} difference");
        var welch = r.GetProperty("welch");
        foreach (var (key, value) in new[] { ("t", c.Welch.T), ("df", c.Welch.Df), ("p_two_sided", c.Welch.PTwoSided), ("se_diff", c.Welch.StandardError),
                     ("ci95_low", c.Welch.Ci95Low), ("ci95_high", c.Welch.Ci95High) })
            Near(welch.GetProperty(key).GetDouble(), value, $"{what} welch {key}");
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Tables_1_to_4_and_paired_tests_from_the_database_equal_R_and_progress_counts_slots_and_exclusions(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        Study study;
        string ownerId;
        await using (var db = await database.ContextAsync())
        {
            ownerId = (await TestData.AddUserAsync(db, "owner@example.org")).Id;
            study = await FixtureStudy.LoadAsync(db, ownerId, "small.csv");
            // Excluded ratings are stored and counted, never analysed.
            var variant = db.Variants.Local.First(v => v.StudyId == study.Id);
            TestRatings.Add(db, variant, TestData.AddWorker(db), AuRating.Create(0, 0, 0, 0, 0, 0), FixtureStudy.Start.AddHours(5),
                included: false, reasons: ExclusionReason.TooFast | ExclusionReason.FailedAttention);
            TestRatings.Add(db, variant, TestData.AddWorker(db), AuRating.Create(5, 5, 5, 5, 5, 1), FixtureStudy.Start.AddHours(6),
                included: false, reasons: ExclusionReason.TooFast);
            // Screening: three assessors finished it, two passed; a preview never counts.
            foreach (var (step, preview) in new[] { (TaskStep.Completed, false), (TaskStep.Rating, false), (TaskStep.ScreeningFailed, false), (TaskStep.ScreeningFailed, true) })
            {
                db.TaskSessions.Add(new TaskSession
                {
                    Id = Guid.NewGuid(), StudyId = study.Id, WorkerId = TestData.AddWorker(db).Id, Platform = Platform.MTurk, Culture = "en",
                    Step = step, IsPreview = preview, CreatedAt = FixtureStudy.Start, ComprehensionPassed = step != TaskStep.ScreeningFailed,
                });
            }
            await db.SaveChangesAsync();
        }

        var queries = new DashboardQueries(database.Contexts, TimeProvider.System);
        var view = await queries.GetAsync(study.Id, new Actor(ownerId, false), targetHalfWidth: 2.0, CancellationToken.None);
        Assert.NotNull(view);
        Assert.Null(await queries.GetAsync(study.Id, new Actor("someone-else", false), null, CancellationToken.None));
        // The view from the summaries is the view computed from every rating.
        DashboardViewAssert.Same(RawDashboardBuilder.Build((await queries.LoadRatingsAsync(study.Id, new Actor(ownerId, false), CancellationToken.None))!, 2.0), view);

        using var expected = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(FixtureStudy.Folder, "small.expected.json")));
        var mturk = Assert.Single(view.Platforms);
        Assert.Equal("MTurk", mturk.Platform);
        foreach (var sample in SampleExtensions.All)
        {
            var r = expected.RootElement.GetProperty("results").GetProperty("AMT").GetProperty(sample.ToString());
            var s = mturk.Sample(sample);
            Assert.Equal(r.GetProperty("n_ratings").GetInt32(), s.NRatings);
            Same(r.GetProperty("race_bias"), s.Race, "B", "W", $"{sample} race");
            Same(r.GetProperty("age_bias"), s.Age, "S", "Y", $"{sample} age");
            Assert.Equal(r.GetProperty("cell_ranking").GetProperty("ranking_string").GetString(), s.Cells.RankingString);
            foreach (var (group, tests) in new[] { ("race", s.AuTests.Race), ("age", s.AuTests.Age) })
                foreach (var test in tests)
                {
                    var au = r.GetProperty("au_tests").GetProperty(group).GetProperty(test.Au.FieldName());
                    Near(au.GetProperty("t").GetDouble(), test.Welch.T, $"{sample} {group} {test.Au} t");
                    Near(au.GetProperty("p_greater").GetDouble(), test.Welch.PGreater, $"{sample} {group} {test.Au} p_greater");
                }
            var paired = r.GetProperty("paired").GetProperty("race").GetProperty("subject_level");
            Assert.Equal(paired.GetProperty("n_pairs").GetInt32(), s.Paired.RaceSubjectLevel.NPairs);
            Near(paired.GetProperty("t").GetDouble(), s.Paired.RaceSubjectLevel.Test.T, $"{sample} paired race t");
            // The per-face chart's mean over faces is the paired test's mean difference.
            Near(paired.GetProperty("mean_diff").GetDouble(), s.RaceByFace.Where(f => f.Difference is not null).Average(f => f.Difference!.Value), $"{sample} per-face mean");

            // Peeking-safe: the sequence contains the estimate and is wider than the fixed-n interval.
            Assert.Null(s.RaceSequence.Error);
            Near(s.Race.Difference!.Value, s.RaceSequence.Difference, $"{sample} sequence centre");
            Assert.True(s.RaceSequence.HalfWidth > s.RaceSequence.FixedNHalfWidth);
            Assert.Equal(s.RaceSequence.HalfWidth <= 2.0, s.RaceSequence.TargetPrecisionReached);
        }

        var progress = view.Progress.Single(p => p.Platform == Platform.MTurk);
        Assert.Equal(120 + 2, progress.Submitted);
        Assert.Equal(40 * 5, progress.Target);
        Assert.Equal(120, progress.ByCondition.Sum(c => c.Filled));
        Assert.Equal(2, progress.Exclusions.Single(e => e.Reason == ExclusionReason.TooFast).Count);
        Assert.Equal(1, progress.Exclusions.Single(e => e.Reason == ExclusionReason.FailedAttention).Count);
        Assert.Equal(0, progress.Exclusions.Single(e => e.Reason == ExclusionReason.BlockedWorker).Count);
        Assert.Equal((2, 3), (progress.Screening.Numerator, progress.Screening.Denominator));
        Assert.All(mturk.Checks, c => Assert.Equal(1.0, c.RaceAsIntended.Value));
        Assert.Equal(120, mturk.Checks.Sum(c => c.Ratings));
        Assert.Equal(30, mturk.Checks.Sum(c => c.LooksEdited.Numerator));
    }

    [Fact]
    public async Task Undefined_statistics_carry_their_reason_when_a_sample_has_no_black_faces_and_ratings_are_identical()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        string ownerId;
        Guid studyId;
        await using (var db = await database.ContextAsync())
        {
            ownerId = (await TestData.AddUserAsync(db, "owner@example.org")).Id;
            var seeded = await TestData.AddStudyAsync(db, ownerId, faces: 2);
            studyId = seeded.Study.Id;
            // Only original variants, all rated the same: face 0 is a white woman, face 1 a black man.
            var i = 0;
            foreach (var variant in seeded.Variants.Where(v => v.Condition == Condition.Original))
                for (var k = 0; k < 3; k++)
                    TestRatings.Add(db, variant, TestData.AddWorker(db, Platform.Credamo), AuRating.Create(2, 2, 1, 1, 0, 0), FixtureStudy.Start.AddMinutes(i++));
            await db.SaveChangesAsync();
        }

        var queries = new DashboardQueries(database.Contexts, TimeProvider.System);
        var view = await queries.GetAsync(studyId, new Actor(ownerId, false), null, CancellationToken.None);
        DashboardViewAssert.Same(RawDashboardBuilder.Build((await queries.LoadRatingsAsync(studyId, new Actor(ownerId, false), CancellationToken.None))!, null), view!);
        var credamo = Assert.Single(view!.Platforms);
        var female = credamo.Sample(Sample.Female);
        Assert.Equal(0, female.Race.X.N);
        Assert.Null(female.Race.Difference);
        Assert.NotNull(female.Race.Welch.Error);
        Assert.NotNull(female.RaceSequence.Error);
        var all = credamo.Sample(Sample.All);
        Assert.Equal(TTests.EssentiallyConstant, all.Race.Welch.Error);
        Assert.Contains(all.ConditionMeans, m => m.Label == "SkinTone" && m.Mean is null && m.Error == "no ratings");
        Assert.All(credamo.Checks, c => Assert.Null(c.RaceAsIntended.Value));
        Assert.Null(view.Progress.Single(p => p.Platform == Platform.Credamo).Screening.Value);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task The_view_from_summaries_equals_the_view_from_every_rating_on_two_platforms_with_exclusions_holds_and_gaps(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var random = new Random(11);
        string ownerId;
        Guid studyId;
        await using (var db = await database.ContextAsync())
        {
            ownerId = (await TestData.AddUserAsync(db, "owner@example.org")).Id;
            var seeded = await TestData.AddStudyAsync(db, ownerId, faces: 6);
            studyId = seeded.Study.Id;
            var ratings = new List<Assessment>();
            for (var w = 0; w < 24; w++)
            {
                var worker = TestData.AddWorker(db, w % 3 == 0 ? Platform.Credamo : Platform.MTurk);
                // Face 5 is rated in its original variant only; the others in any variant.
                foreach (var face in seeded.Faces.Where(_ => random.Next(3) > 0))
                {
                    var options = seeded.Variants.Where(v => v.SourceFaceId == face.Id && (face != seeded.Faces[5] || v.Condition == Condition.Original)).ToList();
                    var reasons = random.Next(6) == 0 ? ExclusionReason.TooFast : ExclusionReason.None;
                    // A signal the study only reports: flagged, still included.
                    var reported = random.Next(4) == 0 ? ExclusionReason.SharedNetwork : ExclusionReason.None;
                    ratings.Add(TestRatings.Add(db, options[random.Next(options.Count)], worker,
                        AuRating.Create(random.Next(6), random.Next(6), random.Next(6), random.Next(6), random.Next(6), random.Next(2)),
                        FixtureStudy.Start.AddMinutes(ratings.Count), included: reasons == 0, reasons: reasons | reported,
                        raceAnswer: random.Next(4) == 0 ? null : (Race)random.Next(2), ageAnswer: random.Next(4) == 0 ? null : (AgeGroup)random.Next(2),
                        looksEdited: random.Next(3) == 0 ? null : random.Next(2) == 0));
                }
            }
            // An assessor rating now holds a slot.
            TestData.Reserve(db, seeded.Variants[1], TestData.AddWorker(db), DateTime.UtcNow.AddMinutes(20));
            await db.SaveChangesAsync();
            // Exclusions decided later, set-based, as the review pages do.
            await db.Assessments.Where(a => a.StudyId == studyId && a.Au43 == 1 && a.Au4 == 0)
                .ExecuteUpdateAsync(u => u.SetProperty(a => a.Included, false).SetProperty(a => a.ExclusionReasons, ExclusionReason.FailedAttention));
        }

        var queries = new DashboardQueries(database.Contexts, TimeProvider.System);
        var actor = new Actor(ownerId, false);
        var view = await queries.GetAsync(studyId, actor, 0.8, CancellationToken.None);
        Assert.Equal(2, view!.Platforms.Count);
        Assert.Equal(1, view.Progress.Sum(p => p.Held));
        Assert.Contains(view.Progress, p => p.Exclusions.Any(e => e.Reason == ExclusionReason.FailedAttention && e.Count > 0));
        Assert.Contains(view.Progress, p => p.Exclusions.Any(e => e.Reason == ExclusionReason.SharedNetwork && e.Count > 0));
        DashboardViewAssert.Same(RawDashboardBuilder.Build((await queries.LoadRatingsAsync(studyId, actor, CancellationToken.None))!, 0.8), view);
    }
}
