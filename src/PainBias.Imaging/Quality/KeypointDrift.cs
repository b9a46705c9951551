using PainBias.Imaging.Faces;

namespace PainBias.Imaging.Quality;

/// <summary>
/// How far a variant's face moved: the mean Euclidean distance between matching BlazeFace keypoints,
/// in the original's inter-ocular distances (the reference study's geometry check), so that the number
/// means the same at any image size.
/// </summary>
public static class KeypointDrift
{
    public static double Compute(FaceDetection original, FaceDetection variant)
    {
        ArgumentNullException.ThrowIfNull(original);
        ArgumentNullException.ThrowIfNull(variant);
        var iod = original.InterOcularDistance;
        if (!(iod > 0))
        {
            throw new ArgumentException("The original's eyes coincide; drift has no scale.", nameof(original));
        }

        var sum = 0.0;
        for (var k = 0; k < FaceDetection.KeypointCount; k++)
        {
            sum += original.Keypoints[k].DistanceTo(variant.Keypoints[k]);
        }

        return sum / FaceDetection.KeypointCount / iod;
    }
}
