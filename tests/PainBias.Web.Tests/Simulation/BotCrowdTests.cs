using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using PainBias.Core.Domain;
using PainBias.Core.Simulation;
using PainBias.Core.Statistics;
using PainBias.Crowd.Simulation;
using PainBias.Data;
using PainBias.Data.Entities;
using PainBias.Jobs.Simulation;
using PainBias.TestSupport;
using PainBias.Web.Tests.AssessorTask;
using Xunit.Abstractions;

namespace PainBias.Web.Tests.Simulation;

/// <summary>The bot crowd through the real task over HTTP (in-process server), analysed from what the database stored.</summary>
[Collection(TaskWebCollection.Name)]
public sealed class BotCrowdTests(TaskWebFixture fixture, ITestOutputHelper output)
{
    // The reference study's AMT figures (paper-tables.json in the shared reference folder, table1_race / table2_age
    // "AMT" "All", table3_ranking_all "AMT"): B − W = −1.093 (SE 0.116), S − Y = 0.373 (SE 0.118), WS > WY > BS > BY.
    private const double ReferenceRace = -1.093, ReferenceRaceSe = 0.116;
    private const double ReferenceAge = 0.373, ReferenceAgeSe = 0.118;

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    public async Task With_the_reference_effects_the_stored_ratings_reproduce_the_ranking_and_the_race_and_age_differences(DatabaseProvider provider)
    {
        const int faces = 8, k = 4, imagesPerAssessor = 4;
        var host = await fixture.HostAsync(provider);
        var study = await SimulationStudyAsync(host, faces, k, imagesPerAssessor);
        // A few bots more than the slots need: the last ones may find only faces they have seen, or a full study.
        var bots = 4 * faces * k / imagesPerAssessor * 11 / 10;
        // The reference effects with less rating noise than the reference crowd, so that 128 ratings (seconds over HTTP)
        // resolve the 0.4-PSPI gaps of the ranking. Less noise changes how rounding and max() turn latent shifts into
        // PSPI, so the per-AU shifts are calibrated (in-process) to give exactly the reference PSPI effects.
        var quiet = CrowdModel.Reference with { NoiseSd = 0.25, AssessorSd = 0.1 };
        var options = new BotCrowdOptions(CrowdCalibration.Calibrate(quiet, ReferenceRace, ReferenceAge), Seed: 20260101, Concurrency: 8);

        var watch = Stopwatch.StartNew();
        var report = await RunAsync(host, study, bots, options);
        output.WriteLine($"{bots} bots, {report.Ratings} ratings in {watch.Elapsed.TotalSeconds:F1} s");

        Assert.Empty(report.Errors);
        Assert.Equal((bots, bots, 4 * faces * k), (report.Finished, report.Completed + report.StudyFull, report.Ratings));
        await using var db = await host.Database.ContextAsync();
        var rows = await StoredRatings.LoadAsync(db, study, attentionPassedOnly: true, CancellationToken.None);
        Assert.Equal(4 * faces * k, rows.Count);
        var all = BiasAnalyzer.Analyze(rows).Analyses.Single(a => a.Sample == Sample.All);
        output.WriteLine($"race {all.RaceBias.Difference:F3} (SE {all.RaceBias.Welch.StandardError:F3}), age {all.AgeBias.Difference:F3} " +
            $"(SE {all.AgeBias.Welch.StandardError:F3}), {all.CellRanking.RankingString}");

        Assert.Equal("WS>WY>BS>BY", all.CellRanking.RankingString);
        AssertWithinStandardErrors(ReferenceRace, ReferenceRaceSe, all.RaceBias);
        AssertWithinStandardErrors(ReferenceAge, ReferenceAgeSe, all.AgeBias);
    }

    [Fact]
    public async Task A_small_crowd_completes_the_task_and_every_rating_is_stored()
    {
        var host = await fixture.HostAsync(DatabaseProvider.Sqlite);
        var study = await SimulationStudyAsync(host, faces: 2, k: 2, imagesPerAssessor: 2);
        var report = await RunAsync(host, study, 8, new BotCrowdOptions(CrowdModel.Reference, Seed: 5, Concurrency: 2));
        Assert.Empty(report.Errors);
        await using var db = await host.Database.ContextAsync();
        Assert.Equal(16, report.Ratings);
        Assert.Equal(16, await db.Assessments.CountAsync(a => a.StudyId == study));
    }

    [Fact]
    public async Task Speeders_are_screened_out_and_attention_failures_are_stored_as_failed_checks()
    {
        var host = await fixture.HostAsync(DatabaseProvider.Sqlite);
        var study = await SimulationStudyAsync(host, faces: 6, k: 3, imagesPerAssessor: 1);
        await using (var db = await host.Database.ContextAsync())
        {
            var blob = TestData.AddBlob(db, $"gold {study}");
            db.GoldItems.Add(new GoldItem { Id = Guid.NewGuid(), StudyId = study, ImageSha256 = blob.Sha256, Au4 = 3, Au6 = 2, Au7 = 2, Au9 = 1, Au10 = 1, Au43 = 0 });
            await db.SaveChangesAsync();
        }
        var report = await RunAsync(host, study, 30, new BotCrowdOptions(CrowdModel.Reference, Seed: 8, Concurrency: 4,
            SpeederShare: 0.3, AttentionFailureShare: 0.3));

        Assert.Empty(report.Errors);
        Assert.True(report.Speeders > 0 && report.AttentionFailures > 0, report.ToString());
        // A speeder answers the gold face at random: it cannot match six AUs within one step by chance often.
        Assert.InRange(report.ScreenedOut, 1, report.Speeders);
        Assert.Equal(report.Finished, report.Completed + report.ScreenedOut);
        await using var check = await host.Database.ContextAsync();
        var stored = await check.Assessments.Where(a => a.StudyId == study).ToListAsync();
        Assert.Equal(report.Ratings, stored.Count);
        Assert.Equal(report.AttentionFailures + (report.Speeders - report.ScreenedOut), stored.Count(a => a.AttentionPassed == false));
        Assert.Equal(report.ScreenedOut, await check.TaskSessions.CountAsync(s => s.StudyId == study && s.Step == TaskStep.ScreeningFailed));
    }

    // Two estimates of one effect agree when they differ by less than two standard errors of their difference.
    private static void AssertWithinStandardErrors(double reference, double referenceSe, BiasComparison simulated)
    {
        var se = Math.Sqrt(referenceSe * referenceSe + simulated.Welch.StandardError!.Value * simulated.Welch.StandardError.Value);
        Assert.InRange(simulated.Difference!.Value, reference - 2 * se, reference + 2 * se);
    }

    private static async Task<BotCrowdReport> RunAsync(TaskWebFactory host, Guid study, int bots, BotCrowdOptions options)
    {
        await using var db = await host.Database.ContextAsync();
        var perception = await StudyPerception.LoadAsync(db, study, CancellationToken.None);
        var links = Enumerable.Range(0, bots).Select(_ => TaskTestData.DirectLink(host, study)).ToList();
        return await BotCrowd.RunAsync(_ => host.CreateClient(), links, perception, options);
    }

    private static async Task<Guid> SimulationStudyAsync(TaskWebFactory host, int faces, int k, int imagesPerAssessor)
    {
        var seeded = await TaskTestData.StudyAsync(host, faces, minSeconds: 0, k);
        await using var db = await host.Database.ContextAsync();
        // Balanced source faces: half white, half black, half young, half senior, as in the reference design.
        var rows = await db.SourceFaces.Where(f => f.StudyId == seeded.Study.Id).OrderBy(f => f.Label).ToListAsync();
        for (var i = 0; i < rows.Count; i++)
            (rows[i].Race, rows[i].AgeGroup) = (i % 2 == 0 ? Race.W : Race.B, i / 2 % 2 == 0 ? AgeGroup.Young : AgeGroup.Senior);
        await db.Studies.Where(s => s.Id == seeded.Study.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.ImagesPerAssessor, imagesPerAssessor));
        await db.SaveChangesAsync();
        return seeded.Study.Id;
    }
}
