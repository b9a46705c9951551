using System.Text.Json;
using PainBias.Core.Domain;
using PainBias.Core.Statistics;
using PainBias.Core.Statistics.Json;

namespace PainBias.Core.Tests.Statistics;

/// <summary>Whole analyses of data sets too small or too uniform for some statistics.</summary>
public sealed class DegenerateAnalysisTests
{
    [Fact]
    public void Single_subject_leaves_paired_and_mixed_model_undefined_with_reasons()
    {
        var rows = Ratings.Face("S1", "A", 9, 7, 10, 8).ToList();

        var a = BiasAnalyzer.AnalyzeSample("AMT", Sample.All, rows);

        Assert.Equal("grouping factors must have > 1 sampled level", a.Lmer.Error);
        Assert.Equal(1, a.Paired.RaceOriginalVsSkin.NPairs);
        Assert.NotNull(a.Paired.RaceOriginalVsSkin.Test.Error);
        Assert.Null(a.Paired.RaceOriginalVsSkin.SdDiff);
        Assert.Equal("fewer than 2 clusters", a.Ols.ClusterSubject!.Error);
        Assert.Null(a.Ols.ClusterAssessor!.Error);
        Assert.Equal(1, a.Ols.DfResidual);
    }

    [Fact]
    public void Male_sample_without_male_faces_is_all_undefined_but_serialisable()
    {
        var rows = Ratings.Face("S1", "A", 9, 7, 10, 8).Concat(Ratings.Face("S2", "B", 8, 8, 9, 6)).ToList();

        var result = BiasAnalyzer.Analyze(rows);
        var male = result.Analyses.Single(x => x.Sample == Sample.Male);

        Assert.Equal(0, male.NRatings);
        Assert.NotNull(male.RaceBias.Welch.Error);
        Assert.Null(male.RaceBias.X.Mean);
        Assert.Null(male.RaceBias.Difference);
        Assert.Empty(male.CellRanking.Ranking);
        Assert.Equal("", male.CellRanking.RankingString);
        Assert.NotNull(male.Ols.Error);
        Assert.NotNull(male.Lmer.Error);
        AssertNoNumberWithoutReason(BiasAnalysisJson.ResultsToString(result));
    }

    [Fact]
    public void Empty_cell_is_left_out_of_the_ranking()
    {
        // Only original and skin variants rated: every face stays young, so WS and BS are empty.
        var rows = new List<RatingObservation>
        {
            Ratings.Of("S1", "A1", Condition.Original, 9),
            Ratings.Of("S1", "A2", Condition.SkinTone, 7),
            Ratings.Of("S2", "A3", Condition.Original, 8),
            Ratings.Of("S2", "A4", Condition.SkinTone, 6),
        };

        var ranking = BiasAnalyzer.AnalyzeSample("AMT", Sample.All, rows).CellRanking;

        Assert.Equal("WY>BY", ranking.RankingString);
        Assert.Equal(0, ranking.Cells.Single(c => c.Cell == "WS").N);
        Assert.Null(ranking.Cells.Single(c => c.Cell == "WS").Mean);
        Assert.False(ranking.HasTies);
    }

    [Fact]
    public void Equal_cell_means_are_a_tie_in_the_fixed_order()
    {
        var rows = Ratings.Face("S1", "A", 8, 8, 8, 8).Concat(Ratings.Face("S2", "B", 6, 8, 6, 8)).ToList();

        var ranking = BiasAnalyzer.AnalyzeSample("AMT", Sample.All, rows).CellRanking;

        Assert.True(ranking.HasTies);
        Assert.Equal("BS>BY>WS>WY", ranking.RankingString);
    }

    [Fact]
    public void Perceived_race_that_never_varies_is_an_aliased_coefficient()
    {
        // Only original and age variants of white faces: perceived race is W throughout.
        var rows = new List<RatingObservation>();
        for (var s = 1; s <= 4; s++)
        {
            rows.Add(Ratings.Of($"S{s}", $"A{s}", Condition.Original, 6 + s));
            rows.Add(Ratings.Of($"S{s}", $"A{s % 4 + 1}", Condition.Age, 8 + s % 3));
        }

        var a = BiasAnalyzer.AnalyzeSample("AMT", Sample.All, rows);

        var race = a.Ols.Iid.Single(c => c.Name == "perceived_race_B");
        Assert.Null(race.Estimate);
        Assert.NotNull(a.Ols.Iid.Single(c => c.Name == "perceived_age_S").Se);
        Assert.Equal(6, a.Ols.DfResidual);
        Assert.Null(a.Lmer.Fixed.Single(f => f.Name == "perceived_race_B").Estimate);
        Assert.Contains(a.Lmer.Messages, m => m.Contains("rank deficient"));
        Assert.NotNull(a.RaceBias.Welch.Error);
    }

    [Fact]
    public void Constant_ratings_give_undefined_tests_and_no_mixed_model()
    {
        var rows = Enumerable.Range(1, 3).SelectMany(s => Ratings.Face($"S{s}", "A", 8, 8, 8, 8)).ToList();

        var a = BiasAnalyzer.AnalyzeSample("AMT", Sample.All, rows);

        Assert.Equal(TTests.EssentiallyConstant, a.RaceBias.Welch.Error);
        Assert.Equal(TTests.ZeroStandardError, a.Paired.RaceSubjectLevel.Test.Error);
        Assert.Equal(MixedModel.ConstantResponse, a.Lmer.Error);
        AssertNoNumberWithoutReason(BiasAnalysisJson.ResultsToString(BiasAnalyzer.Analyze(rows)));
    }

    [Fact]
    public void One_assessor_is_one_cluster()
    {
        var rows = new List<RatingObservation>();
        for (var s = 1; s <= 3; s++)
        {
            rows.Add(Ratings.Of($"S{s}", "A1", Condition.Original, 6 + s));
            rows.Add(Ratings.Of($"S{s}", "A1", Condition.SkinToneAge, 5 + s % 2));
        }

        var ols = BiasAnalyzer.AnalyzeSample("AMT", Sample.All, rows).Ols;

        Assert.Equal(1, ols.ClusterAssessor!.NClusters);
        Assert.Equal("fewer than 2 clusters", ols.ClusterAssessor.Error);
        Assert.Null(ols.ClusterAssessor.Vcov);
        Assert.Null(ols.ClusterSubject!.Error);
    }

    [Fact]
    public void Ratings_without_assessor_variation_give_a_singular_fit()
    {
        // PSPI is the face's level plus noise that sums to zero within every face, every condition
        // and every assessor (assessor = (face + condition) mod 4): nothing is left for assessors.
        int[] faceLevel = [3, 7, 5, 9, 4, 8];
        int[][] noise = [[1, -1, -1, 1], [1, -1, -1, 1], [0, 1, 0, -1], [-1, 0, 1, 0], [-1, 0, 1, 0], [0, 1, 0, -1]];
        var rows = new List<RatingObservation>();
        for (var s = 0; s < faceLevel.Length; s++)
            for (var a = 0; a < 4; a++)
                rows.Add(Ratings.Of($"S{s}", $"A{(s + a) % 4}", (Condition)a, faceLevel[s] + noise[s][a]));

        var lmer = BiasAnalyzer.AnalyzeSample("AMT", Sample.All, rows).Lmer;

        Assert.Null(lmer.Error);
        Assert.True(lmer.IsSingular);
        Assert.Equal(0.0, lmer.Theta.Single(t => t.Group == "assessor_id").Value, 4);
        Assert.Contains(lmer.Messages, m => m.StartsWith("boundary (singular) fit", StringComparison.Ordinal));
        Assert.True(lmer.Theta.Single(t => t.Group == "subject_id").Value > 1);
    }

    /// <summary>Every block holding a null statistic must say why, in its error (or an enclosing block's).</summary>
    private static void AssertNoNumberWithoutReason(string json)
    {
        using var doc = JsonDocument.Parse(json);
        Walk(doc.RootElement, "results", inheritedError: false);

        static void Walk(JsonElement e, string path, bool inheritedError)
        {
            if (e.ValueKind == JsonValueKind.Object)
            {
                var hasError = inheritedError || e.TryGetProperty("error", out var err) && err.ValueKind == JsonValueKind.String;
                foreach (var p in e.EnumerateObject())
                {
                    if (p.Value.ValueKind == JsonValueKind.Null && p.Name != "error")
                        Assert.True(hasError || IsUndefinedDescriptive(p.Name), $"{path}.{p.Name} is null without an error");
                    Walk(p.Value, $"{path}.{p.Name}", hasError);
                }
            }
            else if (e.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in e.EnumerateArray()) Walk(item, path + "[]", inheritedError);
            }
        }

        // Descriptives of small groups (a mean of none, an SD of one) are null by definition, not by failure.
        static bool IsUndefinedDescriptive(string name) =>
            name.StartsWith("mean", StringComparison.Ordinal) || name.StartsWith("sd", StringComparison.Ordinal)
            || name.StartsWith("var", StringComparison.Ordinal) || name.StartsWith("diff", StringComparison.Ordinal)
            || name is "sigma" or "r_squared" or "estimate" or "se" or "t" or "p" or "p_normal" or "p_t_G_minus_1";
    }
}
