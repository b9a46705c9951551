using PainBias.Core.Domain;
using PainBias.Core.Fairness;

namespace PainBias.Core.Tests.Fairness;

public class FairnessMetricsTests
{
    private static List<ImagePrediction> Predictions(Func<int, Condition, double> predict, int faces = 12)
    {
        var list = new List<ImagePrediction>();
        for (var f = 0; f < faces; f++)
        {
            var (race, age) = ((Race)(f % 2), (AgeGroup)(f / 2 % 2));
            foreach (var c in Enum.GetValues<Condition>())
                list.Add(new ImagePrediction(Guid.NewGuid(), new Guid(f + 1, 0, 0, new byte[8]), c, c.PerceivedRace(race), c.PerceivedAge(age), predict(f, c)));
        }

        return list;
    }

    [Fact]
    public void Individual_fairness_is_the_mean_absolute_pair_difference()
    {
        // Face f: Original f, SkinTone f + 1, Age f + 3, SkinToneAge f − 2.
        var predictions = Predictions((f, c) => f + c switch { Condition.SkinTone => 1, Condition.Age => 3, Condition.SkinToneAge => -2, _ => 0 });
        var options = new BootstrapOptions(500, 0.95, 3);

        // Skin: |0 − 1| and |3 − (−2)| → mean 3; age: |0 − 3| and |1 − (−2)| → 3; both: |0 − (−2)| → 2.
        var skin = FairnessMetrics.Individual(predictions, PairType.SkinTone, options);
        Assert.Equal(3, skin.Value);
        Assert.Equal(24, skin.Pairs);
        Assert.Equal(12, skin.Faces);
        Assert.Equal(3, FairnessMetrics.Individual(predictions, PairType.Age, options).Value);
        Assert.Equal(2, FairnessMetrics.Individual(predictions, PairType.Both, options).Value);
    }

    [Fact]
    public void The_bootstrap_interval_resamples_faces_and_is_seeded()
    {
        var random = new Random(1);
        var noise = Enumerable.Range(0, 48).Select(_ => random.NextDouble() * 3).ToArray();
        var predictions = Predictions((f, c) => noise[f * 4 + (int)c]);

        var a = FairnessMetrics.Individual(predictions, PairType.SkinTone, new BootstrapOptions(1000, 0.95, 3));
        var b = FairnessMetrics.Individual(predictions, PairType.SkinTone, new BootstrapOptions(1000, 0.95, 3));
        var c = FairnessMetrics.Individual(predictions, PairType.SkinTone, new BootstrapOptions(1000, 0.95, 4));

        Assert.True(a.Lower < a.Value && a.Value < a.Upper, $"{a.Lower} < {a.Value} < {a.Upper}");
        Assert.Equal((a.Lower, a.Upper), (b.Lower, b.Upper));
        Assert.NotEqual((a.Lower, a.Upper), (c.Lower, c.Upper));
    }

    [Fact]
    public void Group_differences_are_mean_predictions_by_perceived_group()
    {
        // +1.25 whenever the image looks black, +0.5 whenever it looks senior.
        var predictions = Predictions((f, c) => 4 + f * 0.1);
        predictions = predictions.Select(p => p with
        {
            Prediction = p.Prediction + (p.PerceivedRace == Race.B ? 1.25 : 0) + (p.PerceivedAge == AgeGroup.Senior ? 0.5 : 0),
        }).ToList();
        var options = new BootstrapOptions(300);

        var race = FairnessMetrics.BlackMinusWhite(predictions, options);
        var age = FairnessMetrics.SeniorMinusYoung(predictions, options);
        Assert.Equal(1.25, race.Value!.Value, 1e-12);
        Assert.Equal(0.5, age.Value!.Value, 1e-12);
        Assert.Equal((24, 24), (race.FirstCount, race.SecondCount));
    }

    [Fact]
    public void A_pair_type_absent_from_the_data_is_undefined_with_the_reason()
    {
        var predictions = Predictions((f, c) => f).Where(p => p.Condition is Condition.Original or Condition.SkinTone).ToList();
        var age = FairnessMetrics.Individual(predictions, PairType.Age, new BootstrapOptions(100));
        Assert.Null(age.Value);
        Assert.Equal("no face has both variants of any Age pair (Original↔Age, SkinTone↔SkinToneAge)", age.Undefined);
    }
}

public class FairnessAuditReportTests
{
    private static List<ImagePrediction> Face(Guid face, double[] scores) =>
        Enum.GetValues<Condition>().Select((c, i) => new ImagePrediction(Guid.NewGuid(), face, c, c.PerceivedRace(Race.W), c.PerceivedAge(AgeGroup.Young), scores[i])).ToList();

    [Fact]
    public void A_non_finite_prediction_is_refused_with_its_variant()
    {
        var predictions = Face(Guid.NewGuid(), [1, 2, 3, double.NaN]).Concat(Face(Guid.NewGuid(), [1, 2, 3, 4])).ToList();
        var e = Assert.Throws<FairnessDataException>(() => FairnessAuditReport.From(predictions, new BootstrapOptions(100)));
        Assert.StartsWith($"The model gave NaN for variant {predictions[3].VariantId}", e.Message);
    }

    [Fact]
    public void A_face_without_its_counterpart_is_refused_and_a_complete_set_is_measured()
    {
        var lonely = Guid.NewGuid();
        var predictions = Face(Guid.NewGuid(), [1, 2, 3, 5]).Concat(Face(lonely, [1, 2, 3, 4]).Take(3)).ToList();
        var e = Assert.Throws<FairnessDataException>(() => FairnessAuditReport.From(predictions, new BootstrapOptions(100)));
        Assert.Equal($"1 face(s) lack counterparts: face {lonely} has no SkinToneAge.", e.Message);

        var report = FairnessAuditReport.From(Face(Guid.NewGuid(), [1, 2, 3, 5]).Concat(Face(Guid.NewGuid(), [2, 2, 2, 2])).ToList(), new BootstrapOptions(100));
        // Face 1: skin |1 − 2| and |3 − 5| → 1.5 on average; face 2: 0. Over the four pairs: 0.75.
        Assert.Equal(0.75, report.SkinTone.Value);
        Assert.Equal((8, 2), (report.Images, report.Faces));
    }
}
