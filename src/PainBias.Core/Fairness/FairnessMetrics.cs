using PainBias.Core.Domain;

namespace PainBias.Core.Fairness;

/// <summary>Individual fairness and group differences of a set of predictions.</summary>
public static class FairnessMetrics
{
    public static IndividualFairness Individual(IReadOnlyList<ImagePrediction> predictions, PairType pair, BootstrapOptions bootstrap)
    {
        var byFace = new List<double[]>();
        foreach (var face in predictions.GroupBy(p => p.FaceId).OrderBy(g => g.Key))
        {
            var byCondition = new Dictionary<Condition, ImagePrediction>();
            foreach (var p in face)
                if (!byCondition.TryAdd(p.Condition, p))
                    throw new FairnessDataException($"Face {face.Key} has two {p.Condition} predictions.");
            var sum = 0.0;
            var count = 0;
            foreach (var (a, b) in pair.ConditionPairs())
            {
                if (!byCondition.TryGetValue(a, out var pa) || !byCondition.TryGetValue(b, out var pb)) continue;
                sum += Math.Abs(pa.Prediction - pb.Prediction);
                count++;
            }

            if (count > 0) byFace.Add([sum, count]);
        }

        var pairs = (int)byFace.Sum(f => f[1]);
        if (pairs == 0)
            return new IndividualFairness(pair, null, null, null, 0, 0, $"no face has both variants of any {pair} pair ({Describe(pair)})");
        var value = byFace.Sum(f => f[0]) / pairs;
        var (lower, upper) = FaceBootstrap.Interval(byFace, t => t[0] / t[1], bootstrap);
        return new IndividualFairness(pair, value, lower, upper, pairs, byFace.Count, null);
    }

    /// <summary>Mean prediction of perceived-black minus perceived-white images.</summary>
    public static GroupDifference BlackMinusWhite(IReadOnlyList<ImagePrediction> predictions, BootstrapOptions bootstrap) =>
        Difference("B-W", predictions, p => p.PerceivedRace == Race.B, p => p.PerceivedRace == Race.W, bootstrap);

    /// <summary>Mean prediction of perceived-senior minus perceived-young images.</summary>
    public static GroupDifference SeniorMinusYoung(IReadOnlyList<ImagePrediction> predictions, BootstrapOptions bootstrap) =>
        Difference("S-Y", predictions, p => p.PerceivedAge == AgeGroup.Senior, p => p.PerceivedAge == AgeGroup.Young, bootstrap);

    private static GroupDifference Difference(
        string name, IReadOnlyList<ImagePrediction> predictions, Func<ImagePrediction, bool> first, Func<ImagePrediction, bool> second,
        BootstrapOptions bootstrap)
    {
        var byFace = predictions.GroupBy(p => p.FaceId).OrderBy(g => g.Key).Select(g => new[]
        {
            g.Where(first).Sum(p => p.Prediction), g.Count(first), g.Where(second).Sum(p => p.Prediction), g.Count(second),
        }).ToList();
        var totals = new double[4];
        foreach (var f in byFace) for (var k = 0; k < 4; k++) totals[k] += f[k];
        var (n1, n2) = ((int)totals[1], (int)totals[3]);
        if (n1 == 0 || n2 == 0)
            return new GroupDifference(name, null, null, null, n1, n2, $"one of the groups of {name} has no image");
        var (lower, upper) = FaceBootstrap.Interval(byFace, Statistic, bootstrap);
        return new GroupDifference(name, Statistic(totals), lower, upper, n1, n2, null);

        static double? Statistic(double[] t) => t[1] > 0 && t[3] > 0 ? t[0] / t[1] - t[2] / t[3] : null;
    }

    private static string Describe(PairType pair) =>
        string.Join(", ", pair.ConditionPairs().Select(p => $"{p.A}↔{p.B}"));
}
