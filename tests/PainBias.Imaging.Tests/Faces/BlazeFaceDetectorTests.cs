using PainBias.Imaging.Decoding;
using PainBias.Imaging.Faces;
using PainBias.Imaging.Normalisation;
using SkiaSharp;

namespace PainBias.Imaging.Tests.Faces;

public sealed class BlazeFaceDetectorTests
{
    public static TheoryData<string> SingleFaces => [.. TestImages.SingleFaces];

    [Theory]
    [MemberData(nameof(SingleFaces))]
    public void Finds_one_face_with_keypoints_where_faces_have_them(string name)
    {
        using var image = TestImages.Decode(name);

        var face = Assert.Single(TestImages.Detector.Detect(image.Bitmap));

        Assert.InRange(face.Score, 0.6f, 1f);
        Assert.True(face.Box.Contains(face.RightEye) && face.Box.Contains(face.LeftEye), $"eyes outside the box {face}");
        Assert.True(face.Box.Contains(face.NoseTip) && face.Box.Contains(face.Mouth), $"nose or mouth outside the box {face}");
        // An unmirrored frontal photo shows the person's right eye and ear on the viewer's left.
        Assert.True(face.RightEye.X < face.LeftEye.X, "right eye should be left of left eye");
        Assert.True(face.RightEarTragion.X < face.LeftEarTragion.X, "right ear should be left of left ear");
        Assert.InRange(face.NoseTip.X, face.RightEye.X, face.LeftEye.X);
        Assert.InRange(face.Mouth.X, face.RightEye.X, face.LeftEye.X);
        var eyeY = Math.Max(face.RightEye.Y, face.LeftEye.Y);
        Assert.True(eyeY < face.NoseTip.Y && face.NoseTip.Y < face.Mouth.Y, "expected eyes above nose above mouth");
        // Eyes sit a third to a half of the face width apart on any adult face.
        Assert.InRange(face.InterOcularDistance / face.Box.Width, 0.25f, 0.6f);
    }

    [Fact]
    public void Letterbox_maps_back_exactly_when_the_model_input_is_unchanged()
    {
        // Hopper is 512×600; padding it to a black 600×600 square by hand gives the model the same input
        // as the detector's own letterbox, so every keypoint must come back shifted by the padding alone.
        using var image = TestImages.Decode("hopper.jpg");
        var original = Assert.Single(TestImages.Detector.Detect(image.Bitmap));
        using var square = TestImages.Solid(600, 600, SKColors.Black);
        using (var canvas = new SKCanvas(square))
        {
            canvas.DrawBitmap(image.Bitmap, 44, 0, new SKSamplingOptions(SKFilterMode.Nearest));
        }

        var padded = Assert.Single(TestImages.Detector.Detect(square));

        for (var k = 0; k < FaceDetection.KeypointCount; k++)
        {
            var expected = new FacePoint(original.Keypoints[k].X + 44, original.Keypoints[k].Y);
            Assert.True(padded.Keypoints[k].DistanceTo(expected) < 1f, $"keypoint {(FaceKeypoint)k}: {padded.Keypoints[k]} vs {expected}");
        }
    }

    [Fact]
    public void Keypoints_follow_the_face_when_the_photo_is_moved_and_scaled()
    {
        using var image = TestImages.Decode("Tom_Cruise_avp_2014_4.jpg");
        var original = Assert.Single(TestImages.Detector.Detect(image.Bitmap));

        var move = SKMatrix.CreateScale(0.5f, 0.5f).PostConcat(SKMatrix.CreateTranslation(150, 50));
        using var moved = TestImages.Draw(image.Bitmap, 600, 500, move);
        var found = Assert.Single(TestImages.Detector.Detect(moved));

        // The face is small in the model's 128×128 view, so allow a couple of input pixels.
        var tolerance = 0.12f * found.InterOcularDistance;
        for (var k = 0; k < FaceDetection.KeypointCount; k++)
        {
            var expected = move.MapPoint(original.Keypoints[k].X, original.Keypoints[k].Y);
            Assert.True(found.Keypoints[k].DistanceTo(new FacePoint(expected.X, expected.Y)) < tolerance, $"keypoint {(FaceKeypoint)k}: {found.Keypoints[k]} vs {expected}");
        }
    }

    [Fact]
    public void Refining_a_small_face_on_a_crop_keeps_it_in_place()
    {
        using var image = TestImages.Decode("collins-astronaut.png");
        var face = Assert.Single(TestImages.Detector.Detect(image.Bitmap));

        var refined = FaceRefiner.Refine(TestImages.Detector, image.Bitmap, face);

        Assert.True(refined.Box.IntersectionOverUnion(face.Box) > 0.6f);
        Assert.True(refined.RightEye.DistanceTo(face.RightEye) < 0.3f * face.InterOcularDistance);
        Assert.True(refined.Box.Contains(refined.RightEye) && refined.Box.Contains(refined.LeftEye));
    }

    [Theory]
    [InlineData(0, 0, 0)]
    [InlineData(128, 128, 128)]
    [InlineData(255, 255, 255)]
    [InlineData(224, 172, 140)]
    public void Finds_no_face_in_a_blank_image(byte r, byte g, byte b)
    {
        using var blank = TestImages.Solid(320, 240, new SKColor(r, g, b));

        Assert.Empty(TestImages.Detector.Detect(blank));
    }

    [Fact]
    public void Finds_each_face_in_a_photo_of_four()
    {
        using var image = TestImages.Decode(TestImages.SeveralFaces);

        var faces = TestImages.Detector.Detect(image.Bitmap);

        Assert.Equal(4, faces.Count);
        // Four distinct people: no two boxes overlap much.
        for (var i = 0; i < faces.Count; i++)
        {
            for (var j = i + 1; j < faces.Count; j++)
            {
                Assert.True(faces[i].Box.IntersectionOverUnion(faces[j].Box) < 0.1f);
            }
        }

        Assert.True(faces.Zip(faces.Skip(1)).All(p => p.First.Score >= p.Second.Score), "most confident first");
    }

    [Fact]
    public void Several_faces_are_refused_for_a_study_with_their_count()
    {
        using var image = TestImages.Decode(TestImages.SeveralFaces);
        var faces = TestImages.Detector.Detect(image.Bitmap);

        var e = Assert.Throws<ImageRejectedException>(() => FaceNormaliser.SingleFace(faces));

        Assert.Equal(ImageRejectionReason.SeveralFaces, e.Reason);
        Assert.Equal(faces.Count, e.FaceCount);
        Assert.Contains($"{faces.Count} faces", e.Message);
    }
}
