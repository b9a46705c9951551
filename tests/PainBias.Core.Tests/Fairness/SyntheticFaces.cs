using PainBias.Core.Domain;
using PainBias.Core.Fairness;

namespace PainBias.Core.Tests.Fairness;

/// <summary>
/// Faces with four variants each and features made to order: every face has its own random base features, shared by
/// its variants; a variant's features are <c>features(base, condition)</c> and its one rating <c>label(base, condition)</c>.
/// </summary>
internal static class SyntheticFaces
{
    public static List<FairnessImage> Build(
        int faces, int width, Func<double[], FairnessImage, double[]> features, Func<double[], FairnessImage, double> label,
        int seed = 7, IReadOnlyList<Condition>? conditions = null)
    {
        var random = new Random(seed);
        var images = new List<FairnessImage>();
        for (var f = 0; f < faces; f++)
        {
            var face = new Guid(f + 1, 0, 0, new byte[8]);
            var basis = Enumerable.Range(0, width).Select(_ => random.NextDouble() * 2 - 1).ToArray();
            var (gender, race, age) = ((Gender)(f % 2), (Race)(f / 2 % 2), (AgeGroup)(f / 4 % 2));
            foreach (var condition in conditions ?? Enum.GetValues<Condition>())
            {
                var variant = new Guid(f + 1, (short)(condition + 1), 0, new byte[8]);
                var shell = new FairnessImage(variant, face, condition, gender, race, age, [], []);
                images.Add(shell with { Features = features(basis, shell), Ratings = [label(basis, shell)] });
            }
        }

        return images;
    }

    public static double Linear(double[] basis) => 8 + basis.Select((b, j) => (j + 1) * 0.5 * b).Sum();
}
