using SkiaSharp;

namespace PainBias.Imaging.Features;

/// <summary>
/// What the package's ResNetPreprocess.onnx does, done while filling the tensor: RGB 0–255 in, planes reordered
/// to BGR and the model's mean image subtracted (NCHW, 224×224). Replicated rather than run as a second session so
/// that one pass over the pixels is all the preprocessing costs; a test holds it equal to the package's model.
/// </summary>
public static class ResNetPreprocessing
{
    public const int Side = 224;
    public const int Plane = Side * Side;

    /// <summary>
    /// Centre-crops to a square (study images already are) and resizes to 224×224 with linear filtering and mipmaps, as
    /// RGBA bytes.
    /// </summary>
    public static SKBitmap Resize(SKBitmap image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var side = Math.Min(image.Width, image.Height);
        var crop = SKRect.Create((image.Width - side) / 2f, (image.Height - side) / 2f, side, side);
        var resized = new SKBitmap(new SKImageInfo(Side, Side, SKColorType.Rgba8888, SKAlphaType.Unpremul));
        using var canvas = new SKCanvas(resized);
        using var source = SKImage.FromBitmap(image);
        canvas.DrawImage(source, crop, SKRect.Create(Side, Side), new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
        return resized;
    }

    /// <summary>RGB 0–255 planes (the package preprocessor's input), NCHW.</summary>
    public static void FillRgb(SKBitmap resized, Span<float> destination)
    {
        var pixels = Pixels(resized);
        for (var i = 0; i < Plane; i++)
        {
            destination[i] = pixels[i * 4];
            destination[Plane + i] = pixels[(i * 4) + 1];
            destination[(2 * Plane) + i] = pixels[(i * 4) + 2];
        }
    }

    /// <summary>The preprocessed ResNet input: BGR planes minus <paramref name="meanBgr"/> (3 × 224 × 224).</summary>
    public static void FillPreprocessed(SKBitmap resized, ReadOnlySpan<float> meanBgr, Span<float> destination)
    {
        var pixels = Pixels(resized);
        for (var i = 0; i < Plane; i++)
        {
            var p = i * 4;
            destination[i] = pixels[p + 2] - meanBgr[i];
            destination[Plane + i] = pixels[p + 1] - meanBgr[Plane + i];
            destination[(2 * Plane) + i] = pixels[p] - meanBgr[(2 * Plane) + i];
        }
    }

    private static ReadOnlySpan<byte> Pixels(SKBitmap resized)
    {
        if (resized.Width != Side || resized.Height != Side || resized.ColorType != SKColorType.Rgba8888)
            throw new ArgumentException($"Expected a {Side}×{Side} RGBA image from {nameof(Resize)}.", nameof(resized));
        return resized.GetPixelSpan();
    }
}
