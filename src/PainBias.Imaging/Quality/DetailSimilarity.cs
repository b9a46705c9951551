using PainBias.Imaging.Editing;
using PainBias.Imaging.Normalisation;
using PainBias.Imaging.Pixels;
using SkiaSharp;

namespace PainBias.Imaging.Quality;

/// <summary>
/// SSIM (<see cref="Ssim"/>, Wang et al. 2004) of the two images' detail layers: luma minus its Gaussian-blurred
/// base. A tone edit changes the base and should leave the detail alone, so this isolates what a good
/// edit must keep (texture, edges, expression) from what it is meant to change.
/// </summary>
public static class DetailSimilarity
{
    /// <summary>Detail layers are centred on mid-grey, as they are usually shown, so SSIM's luminance term works on its usual scale.</summary>
    private const float MidGrey = 128;

    /// <summary>The base σ the editor uses on a face normalised with the default margin (inter-ocular distance ≈ side / 3.6).</summary>
    public static double DefaultBaseSigma(int width, int height) =>
        Math.Max(1, FaceAlignment.EyeDistanceFraction(0.25f) * Math.Min(width, height) * SkinToneEditor.BaseSigma);

    public static double Compute(SKBitmap a, SKBitmap b, double? baseSigma = null)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Width != b.Width || a.Height != b.Height)
        {
            throw new ArgumentException($"The images differ in size ({a.Width}×{a.Height} and {b.Width}×{b.Height}); compare a variant with the normalised original it was made from.");
        }

        var sigma = baseSigma ?? DefaultBaseSigma(a.Width, a.Height);
        return Ssim.Compute(Detail(a, sigma), Detail(b, sigma), a.Width, a.Height);
    }

    public static float[] Detail(SKBitmap image, double sigma)
    {
        var luma = LabPlanes.Luma(image);
        var smooth = GaussianBlur.Apply(luma, image.Width, image.Height, sigma);
        for (var i = 0; i < luma.Length; i++)
        {
            luma[i] = luma[i] - smooth[i] + MidGrey;
        }

        return luma;
    }
}
