using SkiaSharp;

namespace PainBias.Imaging.Normalisation;

public static class Greyscale
{
    /// <summary>
    /// Rec. 601 luma on the sRGB values, as common tools compute "greyscale"; a one-channel bitmap, so the
    /// PNG is 8-bit grey and every reader sees R = G = B.
    /// </summary>
    public static SKBitmap ToGray8(SKBitmap colour)
    {
        using var rgba = colour.ColorType == SKColorType.Rgba8888 ? null : colour.Copy(SKColorType.Rgba8888);
        var source = (rgba ?? colour).GetPixelSpan();
        var grey = new SKBitmap(new SKImageInfo(colour.Width, colour.Height, SKColorType.Gray8, SKAlphaType.Opaque));
        var destination = grey.GetPixelSpan();
        for (int p = 0, g = 0; g < destination.Length; p += 4, g++)
        {
            var luma = (0.299f * source[p]) + (0.587f * source[p + 1]) + (0.114f * source[p + 2]);
            destination[g] = (byte)Math.Clamp(MathF.Round(luma), 0, 255);
        }

        return grey;
    }
}
