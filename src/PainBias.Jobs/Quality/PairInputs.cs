using PainBias.Imaging.Decoding;
using PainBias.Imaging.Normalisation;
using SkiaSharp;

namespace PainBias.Jobs.Quality;

/// <summary>
/// Puts a variant and its original side by side at one size. A variant of the same size is compared with the
/// original as it is; a square variant of another size (made from the normalised face, or an editor's larger
/// output) is compared with the original normalised to its side, as the study normalises, so alignment differences
/// show up as drift rather than refusing the pair.
/// </summary>
internal static class PairInputs
{
    public static SKBitmap Reference(SKBitmap original, SKBitmap variant, bool greyscale, FaceNormaliser normaliser)
    {
        if (original.Width == variant.Width && original.Height == variant.Height)
            return original.Copy();
        if (variant.Width != variant.Height)
        {
            throw new ImageRejectedException(ImageRejectionReason.Corrupt,
                $"The variant is {variant.Width}×{variant.Height} pixels and the original {original.Width}×{original.Height}; a variant must keep its original's size, or be a square aligned face.");
        }
        if (variant.Width is < NormaliseOptions.MinSize or > NormaliseOptions.MaxSize)
        {
            throw new ImageRejectedException(ImageRejectionReason.SideTooLong,
                $"The variant is {variant.Width} pixels square; a normalised face is {NormaliseOptions.MinSize}..{NormaliseOptions.MaxSize} pixels.");
        }
        var normalised = normaliser.Normalise(original, new NormaliseOptions(variant.Width, greyscale));
        return SKBitmap.Decode(normalised.Png) ?? throw new InvalidOperationException("The normalised original did not decode.");
    }
}
