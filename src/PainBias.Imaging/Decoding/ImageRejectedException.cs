namespace PainBias.Imaging.Decoding;

/// <summary>An image the platform will not use, with a reason code and a message a researcher can act on.</summary>
public sealed class ImageRejectedException(ImageRejectionReason reason, string message, int? faceCount = null)
    : Exception(message)
{
    public ImageRejectionReason Reason { get; } = reason;

    /// <summary>Faces found, when the reason is about faces.</summary>
    public int? FaceCount { get; } = faceCount;
}
