using PainBias.Imaging.Faces;
using PainBias.Imaging.Pixels;

namespace PainBias.Imaging.Editing;

/// <summary>
/// A soft skin mask in [0, 1] from the six BlazeFace keypoints alone: an ellipse over the face (forehead to
/// chin, between the ears) with the eyes and the mouth cut out and feathered edges. Keypoints rather than a
/// segmentation model keep the editor free of a second network and exactly reproducible.
/// </summary>
public static class SkinMask
{
    /// <summary>Eye discs, in inter-ocular distances (the brief of the reference editor: about a quarter).</summary>
    public const float EyeRadius = 0.25f;

    /// <summary>Mouth ellipse semi-axes along and across the eye line, in inter-ocular distances.</summary>
    public const float MouthHalfWidth = 0.45f;
    public const float MouthHalfHeight = 0.22f;

    /// <summary>Feather σ in inter-ocular distances: soft enough to hide the seam, narrow enough to keep off hair.</summary>
    public const float FeatherSigma = 1f / 16;

    public static float[] Build(int width, int height, FaceDetection face)
    {
        var geometry = FaceGeometry.Of(face);
        var feather = Math.Max(0.5, FeatherSigma * geometry.Iod);
        var grow = (float)(2 * feather);

        // Blur a mask that stays 2σ clear of every boundary, then cut it with the exact regions: the
        // feather then lies inside the skin, and eyes, mouth and background get exactly zero.
        var inner = Rasterise(width, height, geometry, -grow);
        var soft = GaussianBlur.Apply(inner, width, height, feather);
        var exact = Rasterise(width, height, geometry, 0);
        for (var i = 0; i < soft.Length; i++)
        {
            soft[i] = exact[i] == 0 ? 0 : Math.Clamp(soft[i], 0, 1);
        }

        return soft;
    }

    /// <summary>1 on skin, 0 elsewhere; <paramref name="offset"/> &lt; 0 shrinks the skin by that many pixels on every side.</summary>
    private static float[] Rasterise(int width, int height, FaceGeometry g, float offset)
    {
        var mask = new float[width * height];
        var eyeRadius = (EyeRadius * g.Iod) - offset;
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var p = new FacePoint(x + 0.5f, y + 0.5f);
                var (u, v) = g.ToFace(p, g.FaceCentre);
                var inFace = Ellipse(u, v, g.FaceHalfWidth + offset, g.FaceHalfHeight + offset);
                var (mu, mv) = g.ToFace(p, g.Mouth);
                var inMouth = Ellipse(mu, mv, (MouthHalfWidth * g.Iod) - offset, (MouthHalfHeight * g.Iod) - offset);
                var inEye = p.DistanceTo(g.RightEye) <= eyeRadius || p.DistanceTo(g.LeftEye) <= eyeRadius;
                mask[(y * width) + x] = inFace && !inMouth && !inEye ? 1 : 0;
            }
        }

        return mask;
    }

    private static bool Ellipse(float u, float v, float a, float b) =>
        a > 0 && b > 0 && ((u * u) / (a * a)) + ((v * v) / (b * b)) <= 1;
}
