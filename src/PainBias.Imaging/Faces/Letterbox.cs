namespace PainBias.Imaging.Faces;

/// <summary>
/// The image centred on a square canvas (padding on the short side) so that the model sees undistorted
/// faces and normalised model coordinates map back to image pixels exactly.
/// </summary>
public readonly record struct Letterbox(float Side, float PadX, float PadY)
{
    public static Letterbox For(int width, int height)
    {
        float side = Math.Max(width, height);
        return new Letterbox(side, (side - width) / 2f, (side - height) / 2f);
    }

    public FacePoint ToImage(float normalisedX, float normalisedY) => new((normalisedX * Side) - PadX, (normalisedY * Side) - PadY);
}
