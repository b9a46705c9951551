using PainBias.Core.Domain;
using PainBias.Core.Fairness;

namespace PainBias.Core.Tests.Fairness;

public class FairnessExperimentTests
{
    private static readonly FairnessExperimentOptions Exact = new() { Lambdas = [1e-8], Bootstrap = new BootstrapOptions(200) };

    private static double Flag(bool b) => b ? 1 : 0;

    [Fact]
    public void An_exactly_linear_label_is_predicted_out_of_fold_with_no_error()
    {
        var images = SyntheticFaces.Build(20, 4, (b, _) => b, (b, _) => SyntheticFaces.Linear(b));

        var result = FairnessExperiment.Run(images, Exact with { Conditions = [FairnessCondition.Original, FairnessCondition.Auto] });

        Assert.All(result.Rows, row =>
        {
            Assert.True(row.TestMse < 1e-9, $"{row.Name}: test MSE {row.TestMse}");
            Assert.True(row.TrainMse < 1e-9, $"{row.Name}: train MSE {row.TrainMse}");
            Assert.Equal(80, row.TestLabelled);
            Assert.Equal(80, row.Predictions.Count);
        });
    }

    [Fact]
    public void Features_blind_to_skin_tone_give_zero_skin_tone_unfairness_and_the_age_effect_for_age()
    {
        // The features code perceived age only; the label adds 2 for a senior-looking image.
        var images = SyntheticFaces.Build(20, 4,
            (b, i) => [.. b, Flag(i.PerceivedAge == AgeGroup.Senior)],
            (b, i) => SyntheticFaces.Linear(b) + 2 * Flag(i.PerceivedAge == AgeGroup.Senior));

        var row = FairnessExperiment.Run(images, Exact with { Conditions = [FairnessCondition.Original] }).Rows.Single();

        Assert.Equal(0, row.SkinTone.Value);
        Assert.Equal((0.0, 0.0), (row.SkinTone.Lower!.Value, row.SkinTone.Upper!.Value));
        Assert.Equal(40, row.SkinTone.Pairs);
        Assert.Equal(2, row.Age.Value!.Value, 1e-6);
        Assert.Equal(2, row.Both.Value!.Value, 1e-6);
        Assert.Equal(20, row.Both.Pairs);
        Assert.Equal(12.5, row.Age.ValuePercent!.Value, 1e-4);
        Assert.Equal(2, row.SeniorMinusYoung.Value!.Value, 1e-6);
        Assert.Equal(0, row.BlackMinusWhite.Value!.Value, 1e-6);
    }

    [Fact]
    public void A_known_shift_for_the_darker_variant_shows_as_that_constant()
    {
        var images = SyntheticFaces.Build(20, 4,
            (b, i) => [.. b, Flag(i.PerceivedRace == Race.B)],
            (b, i) => SyntheticFaces.Linear(b) + 1.5 * Flag(i.PerceivedRace == Race.B));

        var row = FairnessExperiment.Run(images, Exact with { Conditions = [FairnessCondition.Original] }).Rows.Single();

        Assert.Equal(1.5, row.SkinTone.Value!.Value, 1e-6);
        Assert.Equal(1.5, row.SkinTone.Lower!.Value, 1e-6);
        Assert.Equal(1.5, row.SkinTone.Upper!.Value, 1e-6);
        Assert.Equal(0, row.Age.Value!.Value, 1e-9);
        Assert.Equal(1.5, row.Both.Value!.Value, 1e-6);
        Assert.Equal(1.5, row.BlackMinusWhite.Value!.Value, 1e-6);
    }

    [Fact]
    public void Averaged_labels_remove_the_skin_tone_effect_the_original_labels_teach()
    {
        var images = SyntheticFaces.Build(20, 4,
            (b, i) => [.. b, Flag(i.PerceivedRace == Race.B)],
            (b, i) => SyntheticFaces.Linear(b) + 1.5 * Flag(i.PerceivedRace == Race.B));

        var rows = FairnessExperiment.Run(images, Exact with { Conditions = [FairnessCondition.Original, FairnessCondition.Average] }).Rows;

        // Average labels are equal within each skin-tone pair, so the exact fit gives the pair one prediction.
        Assert.Equal(1.5, rows[0].SkinTone.Value!.Value, 1e-6);
        Assert.Equal(0, rows[1].SkinTone.Value!.Value, 1e-6);
        // Tested against each image's own crowd label, the averaged model is off by 0.75 everywhere.
        Assert.Equal(0.75 * 0.75, rows[1].TestMse, 1e-6);
    }

    [Fact]
    public void Every_condition_uses_the_same_folds()
    {
        var random = new Random(5);
        var images = SyntheticFaces.Build(15, 6, (b, _) => b.Select(v => v + random.NextDouble() * 0.3).ToArray(),
            (b, _) => SyntheticFaces.Linear(b) / 2 + random.NextDouble() * 4);
        var options = new FairnessExperimentOptions { Bootstrap = new BootstrapOptions(200), Seed = 9 };

        var alone = FairnessExperiment.Run(images, options with { Conditions = [FairnessCondition.Original] });
        var all = FairnessExperiment.Run(images, options);

        Assert.Equal(alone.FoldOfFace, all.FoldOfFace);
        Assert.Equal(alone.Rows[0].Predictions, all.Rows[0].Predictions);
        Assert.Equal(alone.Rows[0].TestMse, all.Rows[0].TestMse);
        Assert.Equal(["Original", "Average", "Auto", "Average + Auto"], all.Rows.Select(r => r.Name));
        Assert.NotEqual(all.Rows[0].TestMse, FairnessExperiment.Run(images, options with { Seed = 10, Conditions = [FairnessCondition.Original] }).Rows[0].TestMse);
    }

    [Fact]
    public void External_test_labels_replace_the_crowd_labels_for_test_error()
    {
        var images = SyntheticFaces.Build(20, 4, (b, _) => b, (b, _) => SyntheticFaces.Linear(b));
        var clinician = images.ToDictionary(i => i.VariantId, i => i.Ratings[0] + 1);

        var result = FairnessExperiment.Run(images, Exact with { Conditions = [FairnessCondition.Original], ExternalTestLabels = clinician });

        Assert.Equal(1, result.Rows[0].TestMse, 1e-6);
        Assert.True(result.Rows[0].TrainMse < 1e-9);
        Assert.StartsWith("external", result.TestLabels);
    }

    [Fact]
    public void Missing_counterparts_are_named_by_face()
    {
        var images = SyntheticFaces.Build(10, 3, (b, _) => b, (b, _) => 5);
        var dropped = images.First(i => i.Condition == Condition.SkinTone);
        images.Remove(dropped);

        var e = Assert.Throws<FairnessDataException>(() => FairnessExperiment.Run(images, Exact));
        Assert.Equal($"1 face(s) lack counterparts: face {dropped.FaceId} has no SkinTone.", e.Message);
    }

    [Fact]
    public void A_NaN_feature_is_refused_with_its_variant()
    {
        var images = SyntheticFaces.Build(10, 3, (b, _) => b, (b, _) => 5);
        images[7] = images[7] with { Features = [1, double.NaN, 2] };

        var e = Assert.Throws<FairnessDataException>(() => FairnessExperiment.Run(images, Exact));
        Assert.Contains($"Variant {images[7].VariantId}", e.Message);
        Assert.Contains("non-finite feature 1: NaN", e.Message);
    }

    [Theory]
    [InlineData(4, 5, "5-fold cross-validation needs at least 5 source faces; there are 4.")]
    [InlineData(3, 2, "With 3 source faces in 2 folds a training set has fewer than 2 faces; rate more faces or use fewer folds.")]
    public void Too_few_faces_for_the_folds_are_refused(int faces, int folds, string message)
    {
        var images = SyntheticFaces.Build(faces, 3, (b, _) => b, (b, _) => 5);
        var e = Assert.Throws<FairnessDataException>(() => FairnessExperiment.Run(images, Exact with { Folds = folds }));
        Assert.Equal(message, e.Message);
    }

    [Fact]
    public void Progress_counts_every_fold_of_every_condition()
    {
        var images = SyntheticFaces.Build(10, 3, (b, _) => b, (b, _) => SyntheticFaces.Linear(b));
        var reports = new List<FairnessProgress>();
        FairnessExperiment.Run(images, Exact with { Folds = 2 }, new SynchronousProgress(reports.Add));
        Assert.Equal(Enumerable.Range(1, 8), reports.Select(r => r.Done));
        Assert.All(reports, r => Assert.Equal(8, r.Total));
    }

    private sealed class SynchronousProgress(Action<FairnessProgress> report) : IProgress<FairnessProgress>
    {
        public void Report(FairnessProgress value) => report(value);
    }
}

public class FairnessTableTests
{
    [Fact]
    public void The_csv_has_one_row_per_condition_with_fairness_also_in_percent_of_the_pspi_range()
    {
        var images = SyntheticFaces.Build(10, 3,
            (b, i) => [.. b, i.PerceivedRace == Race.B ? 1 : 0],
            (b, i) => SyntheticFaces.Linear(b) + (i.PerceivedRace == Race.B ? 1.6 : 0));
        var result = FairnessExperiment.Run(images, new FairnessExperimentOptions
        {
            Lambdas = [1e-8], Bootstrap = new BootstrapOptions(100), Conditions = [FairnessCondition.Original, FairnessCondition.AverageAuto],
        });

        var lines = FairnessTable.ToCsv(result).TrimEnd('\n').Split('\n');
        Assert.Equal(3, lines.Length);
        Assert.Equal(FairnessTable.Columns, lines[0].Split(','));
        var original = lines[1].Split(',');
        Assert.Equal("Original", original[0]);
        var skinPercent = double.Parse(original[Array.IndexOf([.. FairnessTable.Columns], "if_skin_percent")], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(10, skinPercent, 1e-4);
        Assert.Equal("Average + Auto", lines[2].Split(',')[0]);
    }
}
