using PainBias.Imaging.Quality;
using SkiaSharp;

namespace PainBias.Imaging.Tests.Quality;

public sealed class SsimTests
{
    private static float[] Plane(SKBitmap image) => image.Pixels.Select(p => (float)((0.299 * p.Red) + (0.587 * p.Green) + (0.114 * p.Blue))).ToArray();

    private static float[] Noisy(float[] plane, double sd, int seed)
    {
        var random = new Random(seed);
        return plane.Select(v =>
        {
            // Box–Muller: a seeded normal deviate.
            var n = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            return (float)Math.Clamp(v + (sd * n), 0, 255);
        }).ToArray();
    }

    [Fact]
    public void An_image_with_itself_scores_one()
    {
        using var image = TestImages.Decode("John_Simm_000288_00470387.jpg");
        var x = Plane(image.Bitmap);

        Assert.Equal(1, Ssim.Compute(x, x.ToArray(), image.Width, image.Height), 12);
    }

    [Fact]
    public void Noise_lowers_the_score_steadily_and_the_score_is_symmetric()
    {
        using var image = TestImages.Decode("John_Simm_000288_00470387.jpg");
        var x = Plane(image.Bitmap);

        var scores = new[] { 2.0, 8, 20, 50 }.Select(sd => Ssim.Compute(x, Noisy(x, sd, 1), image.Width, image.Height)).ToArray();

        Assert.True(scores[0] < 1, $"{scores[0]}");
        for (var i = 1; i < scores.Length; i++)
        {
            Assert.True(scores[i] < scores[i - 1], string.Join(", ", scores));
        }

        var y = Noisy(x, 15, 2);
        Assert.Equal(Ssim.Compute(x, y, image.Width, image.Height), Ssim.Compute(y, x, image.Width, image.Height), 12);
    }

    [Fact]
    public void Constant_planes_match_the_closed_form()
    {
        // Flat windows: variance and covariance vanish, so SSIM is the luminance term (2ab + C1) / (a² + b² + C1).
        var (a, b) = (100f, 120f);
        var c1 = Math.Pow(0.01 * 255, 2);
        var expected = ((2.0 * a * b) + c1) / ((a * a) + (b * b) + c1);

        Assert.Equal(expected, Ssim.Compute(Enumerable.Repeat(a, 400).ToArray(), Enumerable.Repeat(b, 400).ToArray(), 20, 20), 9);
    }

    [Fact]
    public void Too_small_images_are_refused()
    {
        Assert.Throws<ArgumentException>(() => Ssim.Compute(new float[100], new float[100], 10, 10));
    }
}
