using PainBias.Imaging.Faces;

namespace PainBias.Imaging.Editing;

/// <summary>
/// The face's own frame from its keypoints: u along the eye line, v down the face, in pixels, and the
/// skin ellipse's centre and semi-axes.
/// </summary>
internal sealed record FaceGeometry(
    FacePoint RightEye, FacePoint LeftEye, FacePoint Mouth, float Iod, float Cos, float Sin,
    FacePoint FaceCentre, float FaceHalfWidth, float FaceHalfHeight)
{
    /// <summary>Forehead above the eye line and chin below the mouth, in inter-ocular distances (frontal adult faces).</summary>
    private const float Forehead = 0.85f;
    private const float Chin = 0.55f;

    /// <summary>Ears are not skin we edit (hair, shadow): the ellipse spans this share of the tragion distance.</summary>
    private const float CheekShare = 0.85f;

    public static FaceGeometry Of(FaceDetection face)
    {
        var iod = face.InterOcularDistance;
        if (!(iod > 1))
        {
            throw new ArgumentException("The eyes coincide; the skin mask needs two distinct eye keypoints.", nameof(face));
        }

        var (r, l) = (face.RightEye, face.LeftEye);
        var cos = (l.X - r.X) / iod;
        var sin = (l.Y - r.Y) / iod;
        var eyes = new FacePoint((r.X + l.X) / 2, (r.Y + l.Y) / 2);
        var partial = new FaceGeometry(r, l, face.Mouth, iod, cos, sin, eyes, 0, 0);

        var (_, mouthV) = partial.ToFace(face.Mouth, eyes);
        mouthV = Math.Max(mouthV, 0.8f * iod);
        var (tr, _) = partial.ToFace(face.RightEarTragion, eyes);
        var (tl, _) = partial.ToFace(face.LeftEarTragion, eyes);
        // A turned head or a missed ear gives a narrow span; a frontal face is never narrower than 1.6 IOD.
        var halfWidth = Math.Max(CheekShare * Math.Abs(tl - tr) / 2, 0.8f * iod);
        var top = -Forehead * iod;
        var bottom = mouthV + (Chin * iod);
        var centreV = (top + bottom) / 2;
        var centre = new FacePoint(eyes.X - (sin * centreV), eyes.Y + (cos * centreV));
        return partial with { FaceCentre = centre, FaceHalfWidth = halfWidth, FaceHalfHeight = (bottom - top) / 2 };
    }

    /// <summary>Coordinates of <paramref name="p"/> relative to <paramref name="origin"/> in the face frame.</summary>
    public (float U, float V) ToFace(FacePoint p, FacePoint origin)
    {
        var (dx, dy) = (p.X - origin.X, p.Y - origin.Y);
        return ((dx * Cos) + (dy * Sin), (-dx * Sin) + (dy * Cos));
    }
}
