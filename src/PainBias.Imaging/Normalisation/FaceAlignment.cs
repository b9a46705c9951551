using PainBias.Imaging.Faces;
using SkiaSharp;

namespace PainBias.Imaging.Normalisation;

/// <summary>
/// The similarity transform that levels the eyes, gives every face the same inter-ocular distance in the
/// output, and centres the face, so that variants and sources line up pixel for pixel.
/// </summary>
public static class FaceAlignment
{
    /// <summary>BlazeFace boxes span about 2.4 inter-ocular distances on frontal faces (measured on the test faces).</summary>
    public const float FaceSpanInEyeDistances = 2.4f;

    /// <summary>The box centre lies about half an inter-ocular distance below the eye line.</summary>
    public const float FaceCentreBelowEyes = 0.5f;

    /// <summary>Inter-ocular distance as a fraction of the output side, fixed by the margin alone.</summary>
    public static float EyeDistanceFraction(float margin) => 1f / (FaceSpanInEyeDistances * (1 + (2 * margin)));

    /// <summary>Maps source pixels to output pixels.</summary>
    public static SKMatrix Transform(FaceDetection face, int size, float margin)
    {
        var right = face.RightEye;
        var left = face.LeftEye;
        var eyeDistance = face.InterOcularDistance;
        if (!(eyeDistance > 0))
        {
            throw new ArgumentException("The eyes coincide; the face cannot be aligned.", nameof(face));
        }

        // The person's right eye is on the viewer's left, so this angle is the eye line's tilt.
        var angle = MathF.Atan2(left.Y - right.Y, left.X - right.X) * 180f / MathF.PI;
        var scale = EyeDistanceFraction(margin) * size / eyeDistance;
        var eyesX = (right.X + left.X) / 2;
        var eyesY = (right.Y + left.Y) / 2;
        var outputEyesY = (size / 2f) - (FaceCentreBelowEyes * eyeDistance * scale);

        return SKMatrix.CreateTranslation(-eyesX, -eyesY)
            .PostConcat(SKMatrix.CreateRotationDegrees(-angle))
            .PostConcat(SKMatrix.CreateScale(scale, scale))
            .PostConcat(SKMatrix.CreateTranslation(size / 2f, outputEyesY));
    }

    public static FaceDetection Map(FaceDetection face, SKMatrix transform)
    {
        var keypoints = face.Keypoints.Select(p => ToFace(transform.MapPoint(p.X, p.Y))).ToArray();
        var centre = transform.MapPoint(face.Box.Centre.X, face.Box.Centre.Y);
        var scale = MathF.Sqrt(MathF.Abs((transform.ScaleX * transform.ScaleY) - (transform.SkewX * transform.SkewY)));
        var w = face.Box.Width * scale;
        var h = face.Box.Height * scale;
        return new FaceDetection(new FaceBox(centre.X - (w / 2), centre.Y - (h / 2), w, h), face.Score, keypoints);
    }

    private static FacePoint ToFace(SKPoint p) => new(p.X, p.Y);
}
