namespace PainBias.Imaging.Decoding;

/// <summary>Why an uploaded image was refused; stable codes for the UI, logs and exports.</summary>
public enum ImageRejectionReason
{
    Empty,
    TooManyBytes,
    NotAnImage,
    UnsupportedFormat,
    SideTooLong,
    TooManyPixels,
    Truncated,
    Corrupt,
    NoFace,
    SeveralFaces,
}
