using PainBias.Core.Domain;
using PainBias.Core.Simulation;
using PainBias.Core.Statistics;
using PainBias.Core.Tests.Statistics;

namespace PainBias.Core.Tests.Simulation;

public sealed class CrowdSimulatorTests
{
    private static CrowdSimulationOptions Study(int seed = 11, double speeders = 0, double attention = 0) =>
        new(20, CrowdSimulationOptions.ReferencePlatforms(kMTurk: 5, kCredamo: 3), seed,
            SpeederShare: speeders, AttentionFailureShare: attention);

    [Fact]
    public void Same_seed_gives_the_same_ratings_and_another_seed_does_not()
    {
        var a = CrowdSimulator.Simulate(CrowdModel.Reference, Study());
        var b = CrowdSimulator.Simulate(CrowdModel.Reference, Study());
        var c = CrowdSimulator.Simulate(CrowdModel.Reference, Study(seed: 12));

        Assert.Equal(a, b);
        Assert.NotEqual(a.Select(r => r.Observation.Rating), c.Select(r => r.Observation.Rating));
    }

    [Fact]
    public void Every_variant_gets_k_ratings_and_no_assessor_sees_two_variants_of_a_face()
    {
        var rows = CrowdSimulator.Simulate(CrowdModel.Reference, Study()).Select(r => r.Observation).ToList();

        Assert.Equal(20 * 4 * (5 + 3), rows.Count);
        Assert.All(rows.GroupBy(r => (r.Platform, r.SubjectId, r.Condition)),
            g => Assert.Equal(g.Key.Platform == "AMT" ? 5 : 3, g.Count()));
        Assert.All(rows.GroupBy(r => (r.Platform, r.AssessorId, r.SubjectId)), g => Assert.Single(g));
        Assert.All(rows, r => Assert.Equal(r.Condition.PerceivedRace(r.OriginalRace), r.PerceivedRace));
    }

    [Fact]
    public void Zero_effects_model_has_no_race_or_age_shift()
    {
        var model = CrowdModel.WithPspiEffects(0, 0);

        Assert.Equal(0, model.RaceEffects.InOrder.Sum(Math.Abs));
        Assert.Equal(0, model.AgeEffects.InOrder.Sum(Math.Abs));
        Assert.Equal(0, model.Au43RaceEffect);
        Assert.Equal(CrowdModel.Reference, CrowdModel.WithPspiEffects(CrowdModel.ReferenceRaceEffect, CrowdModel.ReferenceAgeEffect));
    }

    [Fact]
    public void Speeders_and_attention_failures_are_flagged_in_about_the_requested_shares()
    {
        var ratings = CrowdSimulator.Simulate(CrowdModel.Reference, Study(speeders: 0.2, attention: 0.1));

        Assert.InRange(ratings.Count(r => r.BySpeeder) / (double)ratings.Count, 0.1, 0.3);
        Assert.InRange(ratings.Count(r => r.FailedAttention) / (double)ratings.Count, 0.07, 0.13);
        Assert.All(ratings.Where(r => r.FailedAttention && !r.BySpeeder), r =>
            Assert.Single(new[] { r.Observation.Rating.Au4, r.Observation.Rating.Au6, r.Observation.Rating.Au9 }.Distinct()));
    }

    [Fact]
    public void Bad_options_are_refused_naming_each_problem()
    {
        var options = new CrowdSimulationOptions(0, CrowdSimulationOptions.ReferencePlatforms(0, 0), 1, SpeederShare: 1.5);

        var error = Assert.Throws<ArgumentException>(() => CrowdSimulator.Simulate(CrowdModel.Reference, options));

        Assert.Contains("subjects", error.Message);
        Assert.Contains("k ≥ 1", error.Message);
        Assert.Contains("speeder", error.Message);
    }

    [Fact]
    public void Writer_reproduces_the_R_fixture_byte_for_byte()
    {
        var path = Path.Combine(FixtureFiles.Directory, "small.csv");
        var writer = new StringWriter();

        RatingsCsvWriter.Write(writer, FixtureFiles.Ratings("small"));

        Assert.Equal(File.ReadAllText(path), writer.ToString());
    }
}
