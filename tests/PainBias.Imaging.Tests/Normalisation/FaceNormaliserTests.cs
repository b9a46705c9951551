using PainBias.Imaging.Decoding;
using PainBias.Imaging.Faces;
using PainBias.Imaging.Normalisation;
using SkiaSharp;

namespace PainBias.Imaging.Tests.Normalisation;

public sealed class FaceNormaliserTests
{
    private readonly FaceNormaliser _normaliser = new(new ImageDecoder(), TestImages.Detector);

    [Theory]
    [InlineData("hopper.jpg", 256)]
    [InlineData("collins-astronaut.png", 512)]
    [InlineData("Tom_Cruise_avp_2014_4.jpg", 256)]
    [InlineData("John_Salley_000179_02159509.jpg", 256)]
    public void Output_has_the_study_size_with_level_centred_eyes(string name, int size)
    {
        var options = new NormaliseOptions(size);

        var result = _normaliser.Normalise(TestImages.Bytes(name), options);

        using var output = new ImageDecoder().Decode(result.Png);
        Assert.Equal(SKEncodedImageFormat.Png, output.Format);
        Assert.Equal((size, size), (output.Width, output.Height));
        AssertAligned(Assert.Single(TestImages.Detector.Detect(output.Bitmap)), options);
    }

    [Fact]
    public void A_tilted_head_comes_out_with_level_eyes()
    {
        using var image = TestImages.Decode("hopper.jpg");
        var tilt = SKMatrix.CreateRotationDegrees(20, 256, 300).PostConcat(SKMatrix.CreateTranslation(100, 100));
        using var tilted = TestImages.Draw(image.Bitmap, 712, 800, tilt);
        var options = new NormaliseOptions(256);

        var result = _normaliser.Normalise(TestImages.Encode(tilted, SKEncodedImageFormat.Png), options);

        var sourceTilt = MathF.Atan2(result.Source.LeftEye.Y - result.Source.RightEye.Y, result.Source.LeftEye.X - result.Source.RightEye.X) * 180 / MathF.PI;
        Assert.InRange(sourceTilt, 12, 28);
        using var output = new ImageDecoder().Decode(result.Png);
        AssertAligned(Assert.Single(TestImages.Detector.Detect(output.Bitmap)), options);
    }

    [Fact]
    public void Reported_output_keypoints_match_a_fresh_detection_on_the_output()
    {
        var result = _normaliser.Normalise(TestImages.Bytes("collins-astronaut.png"), new NormaliseOptions(256));

        using var output = new ImageDecoder().Decode(result.Png);
        var redetected = Assert.Single(TestImages.Detector.Detect(output.Bitmap));
        Assert.True(Math.Abs(result.Aligned.RightEye.Y - result.Aligned.LeftEye.Y) < 0.01f);
        foreach (var k in new[] { FaceKeypoint.RightEye, FaceKeypoint.LeftEye, FaceKeypoint.NoseTip, FaceKeypoint.Mouth })
        {
            Assert.True(result.Aligned[k].DistanceTo(redetected[k]) < 0.12f * redetected.InterOcularDistance, $"{k}: {result.Aligned[k]} vs {redetected[k]}");
        }
    }

    [Fact]
    public void Greyscale_output_has_equal_channels_and_colour_output_does_not()
    {
        var bytes = TestImages.Bytes("Tom_Cruise_avp_2014_4.jpg");

        var grey = _normaliser.Normalise(bytes, new NormaliseOptions(128, Greyscale: true));
        var colour = _normaliser.Normalise(bytes, new NormaliseOptions(128, Greyscale: false));

        using var greyImage = new ImageDecoder().Decode(grey.Png);
        using var colourImage = new ImageDecoder().Decode(colour.Png);
        Assert.True(grey.Greyscale);
        Assert.All(greyImage.Bitmap.Pixels, p => Assert.True(p.Red == p.Green && p.Green == p.Blue, $"pixel {p}"));
        Assert.Contains(colourImage.Bitmap.Pixels, p => p.Red != p.Blue);
        // Same geometry either way: grey is the luma of colour, close to it pixel by pixel.
        var meanGrey = greyImage.Bitmap.Pixels.Average(p => p.Red);
        var meanLuma = colourImage.Bitmap.Pixels.Average(p => (0.299 * p.Red) + (0.587 * p.Green) + (0.114 * p.Blue));
        Assert.InRange(meanGrey, meanLuma - 2, meanLuma + 2);
    }

    [Fact]
    public void Larger_margin_shows_a_smaller_face()
    {
        var tight = _normaliser.Normalise(TestImages.Bytes("hopper.jpg"), new NormaliseOptions(256, Margin: 0f));
        var loose = _normaliser.Normalise(TestImages.Bytes("hopper.jpg"), new NormaliseOptions(256, Margin: 0.5f));

        Assert.Equal(2f, tight.Aligned.InterOcularDistance / loose.Aligned.InterOcularDistance, 2);
    }

    [Fact]
    public void An_image_without_a_face_is_refused_as_no_face()
    {
        using var blank = TestImages.Solid(400, 300, new SKColor(200, 180, 160));

        var e = Assert.Throws<ImageRejectedException>(() => _normaliser.Normalise(TestImages.Encode(blank, SKEncodedImageFormat.Png), new NormaliseOptions()));

        Assert.Equal(ImageRejectionReason.NoFace, e.Reason);
        Assert.Equal(0, e.FaceCount);
        Assert.Contains("No face", e.Message);
    }

    [Fact]
    public void An_image_of_several_people_is_refused_with_the_count()
    {
        var e = Assert.Throws<ImageRejectedException>(() => _normaliser.Normalise(TestImages.Bytes(TestImages.SeveralFaces), new NormaliseOptions()));

        Assert.Equal(ImageRejectionReason.SeveralFaces, e.Reason);
        Assert.Equal(4, e.FaceCount);
    }

    [Fact]
    public async Task A_damaged_upload_is_refused_before_detection()
    {
        using var stream = new MemoryStream(TestImages.Bytes("hopper.jpg")[..20_000]);

        var e = await Assert.ThrowsAsync<ImageRejectedException>(() => _normaliser.NormaliseAsync(stream, new NormaliseOptions()));

        Assert.Equal(ImageRejectionReason.Truncated, e.Reason);
    }

    [Theory]
    [InlineData(16, 0.25f)]
    [InlineData(5000, 0.25f)]
    [InlineData(256, -0.1f)]
    [InlineData(256, float.NaN)]
    public void Options_outside_their_range_are_refused(int size, float margin) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => _normaliser.Normalise(TestImages.Bytes("hopper.jpg"), new NormaliseOptions(size, Margin: margin)));

    private static void AssertAligned(FaceDetection face, NormaliseOptions options)
    {
        var size = options.Size;
        Assert.True(Math.Abs(face.RightEye.Y - face.LeftEye.Y) < 0.02f * size, $"eyes not level: {face.RightEye} {face.LeftEye}");
        var expectedEyeDistance = FaceAlignment.EyeDistanceFraction(options.Margin) * size;
        Assert.InRange(face.InterOcularDistance, 0.85f * expectedEyeDistance, 1.15f * expectedEyeDistance);
        Assert.InRange((face.RightEye.X + face.LeftEye.X) / 2, 0.46f * size, 0.54f * size);
        Assert.InRange(face.Box.Centre.X, 0.4f * size, 0.6f * size);
        Assert.InRange(face.Box.Centre.Y, 0.4f * size, 0.6f * size);
    }
}
