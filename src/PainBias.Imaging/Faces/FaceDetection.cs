namespace PainBias.Imaging.Faces;

/// <summary>One detected face in original image pixels; keypoints are indexed by <see cref="FaceKeypoint"/>.</summary>
public sealed record FaceDetection(FaceBox Box, float Score, IReadOnlyList<FacePoint> Keypoints)
{
    public const int KeypointCount = 6;

    public FacePoint this[FaceKeypoint keypoint] => Keypoints[(int)keypoint];

    public FacePoint RightEye => this[FaceKeypoint.RightEye];

    public FacePoint LeftEye => this[FaceKeypoint.LeftEye];

    public FacePoint NoseTip => this[FaceKeypoint.NoseTip];

    public FacePoint Mouth => this[FaceKeypoint.Mouth];

    public FacePoint RightEarTragion => this[FaceKeypoint.RightEarTragion];

    public FacePoint LeftEarTragion => this[FaceKeypoint.LeftEarTragion];

    public float InterOcularDistance => RightEye.DistanceTo(LeftEye);
}
