namespace PainBias.Imaging.Faces;

/// <summary>
/// BlazeFace keypoints in model order. Right and left are the person's own: in an unmirrored photo
/// the right eye appears on the viewer's left.
/// </summary>
public enum FaceKeypoint
{
    RightEye = 0,
    LeftEye = 1,
    NoseTip = 2,
    Mouth = 3,
    RightEarTragion = 4,
    LeftEarTragion = 5,
}
