using PainBias.Imaging.Editing;
using PainBias.Imaging.Faces;
using PainBias.Imaging.Pixels;
using PainBias.Imaging.Quality;
using SkiaSharp;

namespace PainBias.Imaging.Tests.Editing;

public sealed class SkinToneEditorTests
{
    private readonly SkinToneEditor _editor = new();

    [Theory]
    [InlineData("hopper.jpg")]
    [InlineData("collins-astronaut.png")]
    [InlineData("Tom_Cruise_avp_2014_4.jpg")]
    public void Pixels_off_the_skin_eyes_and_mouth_included_are_unchanged(string name)
    {
        var (image, face) = NormalisedFaces.Load(name);
        using var _ = image;
        var mask = SkinMask.Build(image.Width, image.Height, face);

        using var edited = _editor.Edit(image, face, new SkinToneOptions(1, SkinTarget.Darker));

        var changedOffSkin = 0;
        for (var y = 0; y < image.Height; y++)
        {
            for (var x = 0; x < image.Width; x++)
            {
                if (mask[(y * image.Width) + x] == 0 && image.GetPixel(x, y) != edited.GetPixel(x, y))
                {
                    changedOffSkin++;
                }
            }
        }

        Assert.Equal(0, changedOffSkin);
        var iod = face.InterOcularDistance;
        foreach (var centre in new[] { face.RightEye, face.LeftEye, face.Mouth })
        {
            foreach (var (dx, dy) in new[] { (0f, 0f), (0.15f, 0f), (-0.15f, 0f), (0f, 0.1f), (0f, -0.1f) })
            {
                var (x, y) = ((int)(centre.X + (dx * iod)), (int)(centre.Y + (dy * iod)));
                Assert.Equal(image.GetPixel(x, y), edited.GetPixel(x, y));
            }
        }

        foreach (var (x, y) in new[] { (0, 0), (image.Width - 1, 0), (0, image.Height - 1), (image.Width - 1, image.Height - 1) })
        {
            Assert.Equal(image.GetPixel(x, y), edited.GetPixel(x, y));
        }
    }

    [Fact]
    public void Skin_moves_in_the_requested_direction_and_further_with_more_strength()
    {
        var (image, face) = NormalisedFaces.Load("hopper.jpg");
        using var _ = image;
        var mask = SkinMask.Build(image.Width, image.Height, face);
        var before = MaskedMeanLuma(image, mask);

        double Mean(double strength, SkinTarget target)
        {
            using var edited = _editor.Edit(image, face, new SkinToneOptions(strength, target));
            return MaskedMeanLuma(edited, mask);
        }

        var darker = new[] { 0.3, 0.6, 1.0 }.Select(s => Mean(s, SkinTarget.Darker)).ToArray();
        var lighter = new[] { 0.3, 0.6, 1.0 }.Select(s => Mean(s, SkinTarget.Lighter)).ToArray();

        Assert.True(darker[0] < before - 3 && darker[1] < darker[0] && darker[2] < darker[1], $"{before} → {string.Join(", ", darker)}");
        Assert.True(lighter[0] > before + 3 && lighter[1] > lighter[0] && lighter[2] > lighter[1], $"{before} → {string.Join(", ", lighter)}");
    }

    [Fact]
    public void An_absolute_lightness_target_is_reached_at_full_strength()
    {
        var (image, face) = NormalisedFaces.Load("Tom_Cruise_avp_2014_4.jpg");
        using var _ = image;
        var mask = SkinMask.Build(image.Width, image.Height, face);
        var core = mask.Select(m => m > 0.999f ? 1f : 0f).ToArray();

        using var edited = _editor.Edit(image, face, new SkinToneOptions(1, SkinTarget.ToLightness(35)));

        // The base goes to L* 35 on fully weighted skin; the detail averages out around it.
        var lightness = Enumerable.Range(0, core.Length).Where(i => core[i] == 1)
            .Average(i => { var p = edited.Pixels[i]; return Lab.FromSrgb(p.Red, p.Green, p.Blue).L; });
        Assert.InRange(lightness, 35 - 4, 35 + 4);
    }

    [Fact]
    public void Strength_zero_returns_the_same_pixels()
    {
        var (image, face) = NormalisedFaces.Load("collins-astronaut.png");
        using var _ = image;

        using var edited = _editor.Edit(image, face, new SkinToneOptions(0, SkinTarget.Darker));

        Assert.Equal(image.Bytes, edited.Bytes);
    }

    [Fact]
    public void Detail_inside_the_mask_is_kept()
    {
        var (image, face) = NormalisedFaces.Load("hopper.jpg");
        using var _ = image;
        var mask = SkinMask.Build(image.Width, image.Height, face);
        var sigma = SkinToneEditor.BaseSigma * face.InterOcularDistance;

        using var edited = _editor.Edit(image, face, new SkinToneOptions(1, SkinTarget.Darker));

        var before = DetailSimilarity.Detail(image, sigma);
        var after = DetailSimilarity.Detail(edited, sigma);
        var inside = Enumerable.Range(0, mask.Length).Where(i => mask[i] > 0.5f).ToArray();
        Assert.True(inside.Length > 1000);
        var r = Correlation(inside.Select(i => (double)before[i]).ToArray(), inside.Select(i => (double)after[i]).ToArray());
        Assert.True(r > 0.9, $"detail correlation {r}");
    }

    [Theory]
    [InlineData("hopper.jpg")]
    [InlineData("collins-astronaut.png")]
    [InlineData("John_Salley_000179_02159509.jpg")]
    public void Keypoints_barely_move(string name)
    {
        var (image, face) = NormalisedFaces.Load(name);
        using var _ = image;
        var original = Assert.Single(TestImages.Detector.Detect(image));

        using var edited = _editor.Edit(image, face, new SkinToneOptions(0.8, SkinTarget.Darker));

        var drift = KeypointDrift.Compute(original, Assert.Single(TestImages.Detector.Detect(edited)));
        Assert.True(drift < PairCheckThresholds.Default.MaxDrift, $"drift {drift}");
    }

    [Fact]
    public void Greyscale_in_greyscale_out()
    {
        var (grey, face) = NormalisedFaces.Load("Tom_Cruise_avp_2014_4.jpg", greyscale: true);
        using var _ = grey;
        Assert.Equal(SKColorType.Gray8, grey.ColorType);
        using var rgbaGrey = grey.Copy(SKColorType.Rgba8888);

        using var edited = _editor.Edit(grey, face, new SkinToneOptions(0.7, SkinTarget.Darker));
        using var editedRgba = _editor.Edit(rgbaGrey, face, new SkinToneOptions(0.7, SkinTarget.ToTone(40, 20, 20)));

        Assert.Equal(SKColorType.Gray8, edited.ColorType);
        Assert.NotEqual(grey.Bytes, edited.Bytes);
        Assert.All(editedRgba.Pixels, p => Assert.True(p.Red == p.Green && p.Green == p.Blue, $"pixel {p}"));
    }

    [Fact]
    public void A_tone_target_moves_colour_toward_it()
    {
        var (image, face) = NormalisedFaces.Load("collins-astronaut.png");
        using var _ = image;
        var mask = SkinMask.Build(image.Width, image.Height, face);

        using var edited = _editor.Edit(image, face, new SkinToneOptions(1, SkinTarget.ToTone(45, 25, 35)));

        // Warmer (more red and yellow than blue) and darker on the skin.
        double BlueShare(SKBitmap b) => Enumerable.Range(0, mask.Length).Where(i => mask[i] > 0.999f)
            .Average(i => { var p = b.Pixels[i]; return p.Blue / (1.0 + p.Red + p.Green + p.Blue); });
        Assert.True(BlueShare(edited) < BlueShare(image));
        Assert.True(MaskedMeanLuma(edited, mask) < MaskedMeanLuma(image, mask));
    }

    [Fact]
    public void Same_input_same_bytes()
    {
        var (image, face) = NormalisedFaces.Load("John_Simm_000288_00470387.jpg");
        using var _ = image;
        var options = new SkinToneOptions(0.6, SkinTarget.Lighter, Seed: 7);

        using var first = _editor.Edit(image, face, options);
        using var second = _editor.Edit(image, face, options with { });

        Assert.Equal(first.Bytes, second.Bytes);
        Assert.NotEqual(image.Bytes, first.Bytes);
    }

    [Fact]
    public void Mask_is_soft_at_the_edge_and_zero_on_eyes_and_mouth()
    {
        var face = new FaceDetection(new FaceBox(60, 60, 136, 136), 0.9f,
            [new(100, 110), new(156, 110), new(128, 135), new(128, 165), new(70, 120), new(186, 120)]);

        var mask = SkinMask.Build(256, 256, face);

        float At(float x, float y) => mask[((int)y * 256) + (int)x];
        Assert.Equal(0, At(100, 110));
        Assert.Equal(0, At(156, 110));
        Assert.Equal(0, At(128, 165));
        Assert.Equal(0, At(5, 5));
        Assert.Equal(1, At(128, 128), 3);
        Assert.Contains(mask, m => m is > 0.05f and < 0.95f);
    }

    private static double MaskedMeanLuma(SKBitmap image, float[] mask)
    {
        var pixels = image.Pixels;
        double sum = 0, total = 0;
        for (var i = 0; i < mask.Length; i++)
        {
            sum += mask[i] * NormalisedFaces.Luma(pixels[i]);
            total += mask[i];
        }

        return sum / total;
    }

    private static double Correlation(double[] x, double[] y)
    {
        var (mx, my) = (x.Average(), y.Average());
        double sxy = 0, sxx = 0, syy = 0;
        for (var i = 0; i < x.Length; i++)
        {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }

        return sxy / Math.Sqrt(sxx * syy);
    }
}
