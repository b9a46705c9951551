using PainBias.Imaging.Decoding;
using PainBias.Imaging.Editing;
using PainBias.Imaging.Quality;
using PainBias.Imaging.Tests.Editing;
using SkiaSharp;

namespace PainBias.Imaging.Tests.Quality;

public sealed class DetailSimilarityTests
{
    [Fact]
    public void A_tone_edit_keeps_detail_and_another_face_does_not()
    {
        var (image, face) = NormalisedFaces.Load("hopper.jpg");
        var (other, _) = NormalisedFaces.Load("Tom_Cruise_avp_2014_4.jpg");
        using var _1 = image;
        using var _2 = other;
        using var edited = new SkinToneEditor().Edit(image, face, new SkinToneOptions(1, SkinTarget.Darker));

        Assert.Equal(1, DetailSimilarity.Compute(image, image), 12);
        Assert.True(DetailSimilarity.Compute(image, edited) > 0.9);
        Assert.True(DetailSimilarity.Compute(image, other) < PairCheckThresholds.Default.MinSimilarity);
    }

    [Fact]
    public void A_uniform_brightness_change_leaves_detail_alone()
    {
        using var image = TestImages.Decode("John_Salley_000179_02159509.jpg");
        using var brighter = image.Bitmap.Copy(SKColorType.Rgba8888);
        var pixels = brighter.GetPixelSpan();
        for (var p = 0; p < pixels.Length; p += 4)
        {
            for (var c = 0; c < 3; c++)
            {
                pixels[p + c] = (byte)Math.Min(255, pixels[p + c] + 20);
            }
        }

        Assert.True(DetailSimilarity.Compute(image.Bitmap, brighter) > 0.97);
    }

    [Fact]
    public void Different_sizes_are_refused_with_a_reason()
    {
        using var a = TestImages.Solid(64, 64, SKColors.Gray);
        using var b = TestImages.Solid(64, 32, SKColors.Gray);

        var e = Assert.Throws<ArgumentException>(() => DetailSimilarity.Compute(a, b));
        Assert.Contains("differ in size", e.Message);
    }

    [Fact]
    public void Pair_check_passes_an_edit_and_names_the_image_without_a_face()
    {
        var check = new PairCheck(new ImageDecoder(), TestImages.Detector);
        var (image, face) = NormalisedFaces.Load("collins-astronaut.png");
        using var _ = image;
        using var edited = new SkinToneEditor().Edit(image, face, new SkinToneOptions(0.6, SkinTarget.Darker));
        var original = TestImages.Encode(image, SKEncodedImageFormat.Png);

        var same = check.Check(original, original);
        var result = check.Check(original, TestImages.Encode(edited, SKEncodedImageFormat.Png));

        Assert.Equal((0.0, 1.0, true), (same.Drift, Math.Round(same.Similarity, 9), same.Passed));
        Assert.True(result.Passed, $"drift {result.Drift}, similarity {result.Similarity}");
        using var blank = TestImages.Solid(256, 256, SKColors.Gray);
        var e = Assert.Throws<ImageRejectedException>(() => check.Check(original, TestImages.Encode(blank, SKEncodedImageFormat.Png)));
        Assert.Equal(ImageRejectionReason.NoFace, e.Reason);
        Assert.StartsWith("The variant image:", e.Message);
    }

    [Fact]
    public void Pair_check_refuses_a_group_photo_and_a_size_mismatch()
    {
        var check = new PairCheck(new ImageDecoder(), TestImages.Detector);
        var group = TestImages.Bytes(TestImages.SeveralFaces);

        var several = Assert.Throws<ImageRejectedException>(() => check.Check(group, group));
        using var small = TestImages.Solid(64, 64, SKColors.Gray);
        var sizes = Assert.Throws<ArgumentException>(() => check.Check(group, TestImages.Encode(small, SKEncodedImageFormat.Png)));

        Assert.Equal(ImageRejectionReason.SeveralFaces, several.Reason);
        Assert.StartsWith("The original image:", several.Message);
        Assert.Contains("keep its original's size", sizes.Message);
    }
}
