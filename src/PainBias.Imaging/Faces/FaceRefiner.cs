using SkiaSharp;

namespace PainBias.Imaging.Faces;

/// <summary>
/// Second look at one face: BlazeFace sees the whole photo at 128×128, where a small face's keypoints are
/// off by a few input pixels (degrees of eye-line tilt). Detecting again on a square around the face, as
/// MediaPipe does with its regions of interest, lets the face fill the input and the keypoints settle.
/// </summary>
public static class FaceRefiner
{
    /// <summary>The crop's side in face-box sides: the face fills half of it, the scale BlazeFace short range expects.</summary>
    public const float CropScale = 2f;

    // The detector shrinks to 128 anyway; a bounded crop keeps memory flat for faces in huge photos.
    private const int MaxCropPixels = 512;

    public static FaceDetection Refine(IFaceDetector detector, SKBitmap image, FaceDetection face)
    {
        var side = CropScale * Math.Max(face.Box.Width, face.Box.Height);
        if (!(side > 0))
        {
            return face;
        }

        var left = face.Box.Centre.X - (side / 2);
        var top = face.Box.Centre.Y - (side / 2);
        var pixels = (int)Math.Clamp(MathF.Ceiling(side), 32, MaxCropPixels);
        var scale = pixels / side;
        var toCrop = SKMatrix.CreateTranslation(-left, -top).PostConcat(SKMatrix.CreateScale(scale, scale));

        using var crop = new SKBitmap(new SKImageInfo(pixels, pixels, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(crop))
        using (var source = SKImage.FromBitmap(image))
        {
            // Black beyond the photo, as the detector's own letterbox pads.
            canvas.Clear(SKColors.Black);
            canvas.SetMatrix(toCrop);
            canvas.DrawImage(source, 0, 0, new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
        }

        var mapped = detector.Detect(crop).Select(f => ToImage(f, left, top, scale)).ToList();
        var best = mapped.MaxBy(f => f.Box.IntersectionOverUnion(face.Box));
        return best is not null && best.Box.IntersectionOverUnion(face.Box) > 0.3f ? best : face;
    }

    private static FaceDetection ToImage(FaceDetection f, float left, float top, float scale)
    {
        FacePoint Map(FacePoint p) => new((p.X / scale) + left, (p.Y / scale) + top);
        var corner = Map(new FacePoint(f.Box.X, f.Box.Y));
        var box = new FaceBox(corner.X, corner.Y, f.Box.Width / scale, f.Box.Height / scale);
        return new FaceDetection(box, f.Score, f.Keypoints.Select(Map).ToArray());
    }
}
