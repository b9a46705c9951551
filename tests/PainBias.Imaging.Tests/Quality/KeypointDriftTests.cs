using PainBias.Imaging.Faces;
using PainBias.Imaging.Quality;
using SkiaSharp;

namespace PainBias.Imaging.Tests.Quality;

public sealed class KeypointDriftTests
{
    private static readonly FaceDetection Face = new(new FaceBox(60, 60, 136, 136), 0.9f,
        [new(100, 110), new(150, 110), new(125, 135), new(125, 165), new(70, 120), new(180, 120)]);

    [Fact]
    public void Same_keypoints_drift_zero()
    {
        Assert.Equal(0, KeypointDrift.Compute(Face, Face with { }));
    }

    [Theory]
    [InlineData(1, 0)]
    [InlineData(3, 4)]
    [InlineData(0, -10)]
    public void A_translation_drifts_by_its_length_over_the_eye_distance(float dx, float dy)
    {
        var moved = Face with { Keypoints = Face.Keypoints.Select(p => new FacePoint(p.X + dx, p.Y + dy)).ToArray() };

        Assert.Equal(MathF.Sqrt((dx * dx) + (dy * dy)) / 50, KeypointDrift.Compute(Face, moved), 6);
    }

    [Fact]
    public void Only_one_point_moving_counts_for_a_sixth()
    {
        var keypoints = Face.Keypoints.ToArray();
        keypoints[(int)FaceKeypoint.Mouth] = new FacePoint(125, 171);

        Assert.Equal(6.0 / 6 / 50, KeypointDrift.Compute(Face, Face with { Keypoints = keypoints }), 6);
    }

    [Theory]
    [InlineData(8)]
    [InlineData(16)]
    public void A_photo_shifted_by_k_pixels_drifts_about_k_over_the_eye_distance(int k)
    {
        using var image = TestImages.Decode("hopper.jpg");
        using var original = TestImages.Draw(image.Bitmap, image.Width + 20, image.Height + 20, SKMatrix.CreateTranslation(5, 5));
        using var shifted = TestImages.Draw(image.Bitmap, image.Width + 20, image.Height + 20, SKMatrix.CreateTranslation(5 + k, 5));

        var a = FaceRefiner.Refine(TestImages.Detector, original, Assert.Single(TestImages.Detector.Detect(original)));
        var b = FaceRefiner.Refine(TestImages.Detector, shifted, Assert.Single(TestImages.Detector.Detect(shifted)));

        var expected = k / a.InterOcularDistance;
        // BlazeFace sees the photo at 128×128, so its keypoints jitter by a fraction of an input pixel: a wide band.
        Assert.InRange(KeypointDrift.Compute(a, b), expected * 0.5, (expected * 1.5) + 0.01);
    }
}
