using PainBias.Imaging.Decoding;
using PainBias.Imaging.Faces;
using PainBias.Imaging.Normalisation;
using SkiaSharp;

namespace PainBias.Imaging.Quality;

/// <summary>
/// Compares a variant with its original: decode both, detect exactly one face on each (refined as the
/// normaliser does, so both sides are measured the same way), keypoint drift and detail SSIM.
/// </summary>
public sealed class PairCheck(ImageDecoder decoder, IFaceDetector detector, PairCheckThresholds thresholds)
{
    public PairCheck(ImageDecoder decoder, IFaceDetector detector) : this(decoder, detector, PairCheckThresholds.Default)
    {
    }

    public PairCheckResult Check(byte[] original, byte[] variant)
    {
        using var a = Decode(original, "original");
        using var b = Decode(variant, "variant");
        return Check(a.Bitmap, b.Bitmap);
    }

    public PairCheckResult Check(SKBitmap original, SKBitmap variant)
    {
        if (original.Width != variant.Width || original.Height != variant.Height)
        {
            throw new ArgumentException(
                $"The original is {original.Width}×{original.Height} pixels and the variant {variant.Width}×{variant.Height}; a variant must keep its original's size and alignment.");
        }

        var a = Face(original, "original");
        var b = Face(variant, "variant");
        return new PairCheckResult(KeypointDrift.Compute(a, b), DetailSimilarity.Compute(original, variant), thresholds, a, b);
    }

    private DecodedImage Decode(byte[] data, string role)
    {
        try
        {
            return decoder.Decode(data);
        }
        catch (ImageRejectedException e)
        {
            throw new ImageRejectedException(e.Reason, $"The {role} image: {e.Message}", e.FaceCount);
        }
    }

    private FaceDetection Face(SKBitmap image, string role)
    {
        try
        {
            return FaceRefiner.Refine(detector, image, FaceNormaliser.SingleFace(detector.Detect(image)));
        }
        catch (ImageRejectedException e)
        {
            throw new ImageRejectedException(e.Reason, $"The {role} image: {e.Message}", e.FaceCount);
        }
    }
}
