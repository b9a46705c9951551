using SkiaSharp;

namespace PainBias.Imaging.Faces;

public interface IFaceDetector
{
    /// <summary>Faces in the image, most confident first, in the image's own pixel coordinates.</summary>
    IReadOnlyList<FaceDetection> Detect(SKBitmap image);
}
