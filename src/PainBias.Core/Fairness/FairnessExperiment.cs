using PainBias.Core.Domain;

namespace PainBias.Core.Fairness;

/// <summary>
/// The reference study's AI-fairness experiment on a study's own data: a ridge head on frozen image features,
/// trained under each condition with the same face-grouped folds, evaluated out of fold.
/// </summary>
public static class FairnessExperiment
{
    public static FairnessExperimentResult Run(
        IReadOnlyList<FairnessImage> images, FairnessExperimentOptions options,
        IProgress<FairnessProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        options.Bootstrap.Validate();
        if (options.Conditions.Count == 0) throw new ArgumentException("Choose at least one condition.", nameof(options));
        FairnessInputCheck.Images(images);
        var folds = GroupedFolds.Assign(images.Select(i => i.FaceId), options.Folds, options.Seed);
        var faces = folds.FoldOfFace.Count;
        var largestFold = (faces + options.Folds - 1) / options.Folds;
        if (faces - largestFold < 2)
            throw new FairnessDataException($"With {faces} source faces in {options.Folds} folds a training set has fewer than 2 faces; "
                + "rate more faces or use fewer folds.");

        var crowd = FairnessLabels.Compute(images, LabelKind.Original);
        var testLabels = TestLabels(images, crowd, options.ExternalTestLabels);
        var averaged = options.Conditions.Any(c => c.Labels() == LabelKind.Average)
            ? FairnessLabels.Compute(images, LabelKind.Average, options.AverageWith)
            : crowd;

        var total = options.Conditions.Count * options.Folds;
        var done = 0;
        var rows = new List<FairnessConditionResult>();
        foreach (var condition in options.Conditions)
        {
            var labels = condition.Labels() == LabelKind.Average ? averaged : crowd;
            var x = images.Select(i => Inputs(i, condition.UsesAttributes())).ToList();
            var y = images.Select(i => labels[i.VariantId].Value).ToList();
            var predictions = new ImagePrediction[images.Count];
            var (trainMse, trainRmse, testMse, testRmse, lambdas) = (new List<double>(), new List<double>(), new List<double>(), new List<double>(), new List<double>());
            for (var fold = 0; fold < options.Folds; fold++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var train = Enumerable.Range(0, images.Count).Where(i => folds.FoldOf(images[i].FaceId) != fold).ToList();
                var test = Enumerable.Range(0, images.Count).Where(i => folds.FoldOf(images[i].FaceId) == fold).ToList();
                // The inner split gets its own stream, different per fold but the same for every condition.
                var (model, _) = RidgeRegression.FitCrossValidated(
                    train.Select(i => x[i]).ToList(), train.Select(i => y[i]).ToList(), train.Select(i => images[i].FaceId).ToList(),
                    options.Lambdas, options.InnerFolds, options.Seed ^ (0xA5A5_0000UL + (ulong)fold));
                lambdas.Add(model.Lambda);

                var trainError = train.Select(i => Square(model.Predict(x[i]) - y[i])).Average();
                trainMse.Add(trainError);
                trainRmse.Add(Math.Sqrt(trainError));
                foreach (var i in test)
                    predictions[i] = new ImagePrediction(images[i].VariantId, images[i].FaceId, images[i].Condition,
                        images[i].PerceivedRace, images[i].PerceivedAge, model.Predict(x[i]));
                var labelled = test.Where(i => testLabels.ContainsKey(images[i].VariantId)).ToList();
                if (labelled.Count > 0)
                {
                    var testError = labelled.Select(i => Square(predictions[i].Prediction - testLabels[images[i].VariantId])).Average();
                    testMse.Add(testError);
                    testRmse.Add(Math.Sqrt(testError));
                }

                progress?.Report(new FairnessProgress(++done, total, condition, fold));
            }

            rows.Add(new FairnessConditionResult(condition, condition.DisplayName(),
                trainMse.Average(), trainRmse.Average(), testMse.Average(), testRmse.Average(),
                images.Count(i => testLabels.ContainsKey(i.VariantId)),
                FairnessMetrics.Individual(predictions, PairType.SkinTone, options.Bootstrap),
                FairnessMetrics.Individual(predictions, PairType.Age, options.Bootstrap),
                FairnessMetrics.Individual(predictions, PairType.Both, options.Bootstrap),
                FairnessMetrics.BlackMinusWhite(predictions, options.Bootstrap),
                FairnessMetrics.SeniorMinusYoung(predictions, options.Bootstrap),
                lambdas, predictions));
        }

        return new FairnessExperimentResult(images.Count, faces, images[0].Features.Count, options.Folds, options.Seed, options.AverageWith,
            options.ExternalTestLabels is null ? "crowd (each image's mean PSPI)" : $"external ({testLabels.Count} images)",
            rows, folds.FoldOfFace);
    }

    /// <summary>The image's features, with perceived race (B = 1), perceived age (Senior = 1) and gender (M = 1) appended for Auto.</summary>
    internal static IReadOnlyList<double> Inputs(FairnessImage image, bool withAttributes) =>
        !withAttributes
            ? image.Features
            : [.. image.Features, image.PerceivedRace == Race.B ? 1 : 0, image.PerceivedAge == AgeGroup.Senior ? 1 : 0, image.Gender == Gender.M ? 1 : 0];

    private static IReadOnlyDictionary<Guid, double> TestLabels(
        IReadOnlyList<FairnessImage> images, IReadOnlyDictionary<Guid, ImageLabel> crowd, IReadOnlyDictionary<Guid, double>? external)
    {
        if (external is null) return crowd.ToDictionary(l => l.Key, l => l.Value.Value);
        var known = images.Select(i => i.VariantId).ToHashSet();
        var unknown = external.Keys.Where(k => !known.Contains(k)).ToList();
        if (unknown.Count > 0)
            throw new FairnessDataException($"{unknown.Count} external label(s) name variants that are not in the experiment, e.g. {unknown[0]}.");
        var bad = external.FirstOrDefault(l => !double.IsFinite(l.Value) || l.Value < 0 || l.Value > IndividualFairness.PspiRange);
        if (bad.Key != Guid.Empty)
            throw new FairnessDataException($"The external label of variant {bad.Key} is outside 0–16: {bad.Value}.");
        if (external.Count == 0) throw new FairnessDataException("The external test labels are empty.");
        return external;
    }

    private static double Square(double v) => v * v;
}
