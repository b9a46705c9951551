using SkiaSharp;

namespace PainBias.Imaging.Inference;

/// <summary>Images to float tensors and back, in a manifest's layout and value range.</summary>
public static class ImageTensors
{
    /// <summary>Resizes <paramref name="image"/> to the spec's size and writes its floats (one image) into <paramref name="destination"/>.</summary>
    public static void Fill(SKBitmap image, ImageTensorSpec spec, Span<float> destination)
    {
        using var resized = Rgba(image, spec.Width, spec.Height);
        var (lo, hi) = (spec.Range[0], spec.Range[1]);
        var scale = (float)((hi - lo) / 255.0);
        var offset = (float)lo;
        var pixels = resized.GetPixelSpan();
        var plane = spec.Width * spec.Height;
        for (var i = 0; i < plane; i++)
        {
            var p = i * 4;
            if (spec.Channels == 1)
            {
                var luma = (0.299f * pixels[p]) + (0.587f * pixels[p + 1]) + (0.114f * pixels[p + 2]);
                destination[i] = offset + (scale * luma);
                continue;
            }

            for (var c = 0; c < 3; c++)
            {
                destination[spec.Layout == ImageLayout.Nchw ? (c * plane) + i : (i * 3) + c] = offset + (scale * pixels[p + c]);
            }
        }
    }

    /// <summary>
    /// One image's floats (<paramref name="channels"/> 1 or 3, in <paramref name="layout"/>) as an opaque bitmap: RGBA, or Gray8
    /// for one channel. Values map back through <paramref name="range"/> and are rounded and clamped to 0..255.
    /// </summary>
    public static SKBitmap ToBitmap(ReadOnlySpan<float> source, ImageLayout layout, int width, int height, int channels, double[] range)
    {
        var (lo, hi) = (range[0], range[1]);
        var scale = 255.0 / (hi - lo);
        var plane = width * height;
        var gray = channels == 1;
        var bitmap = new SKBitmap(new SKImageInfo(width, height, gray ? SKColorType.Gray8 : SKColorType.Rgba8888, gray ? SKAlphaType.Opaque : SKAlphaType.Unpremul));
        var pixels = bitmap.GetPixelSpan();
        for (var i = 0; i < plane; i++)
        {
            if (gray)
            {
                pixels[i] = Byte(source[i], lo, scale);
                continue;
            }

            for (var c = 0; c < 3; c++)
            {
                pixels[(i * 4) + c] = Byte(source[layout == ImageLayout.Nchw ? (c * plane) + i : (i * 3) + c], lo, scale);
            }

            pixels[(i * 4) + 3] = 255;
        }

        return bitmap;
    }

    /// <summary>An RGBA copy at the given size (a plain conversion when the size already matches).</summary>
    public static SKBitmap Rgba(SKBitmap image, int width, int height)
    {
        var info = new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        if (image.Width == width && image.Height == height)
        {
            var copy = new SKBitmap(info);
            // ReadPixels converts colour type (Gray8, BGRA) without resampling.
            using var pixmap = image.PeekPixels();
            if (pixmap is not null && pixmap.ReadPixels(copy.Info, copy.GetPixels(), copy.RowBytes, 0, 0))
            {
                return copy;
            }

            copy.Dispose();
        }

        var resized = new SKBitmap(info);
        using var canvas = new SKCanvas(resized);
        using var source = SKImage.FromBitmap(image);
        canvas.DrawImage(source, SKRect.Create(width, height), new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
        return resized;
    }

    private static byte Byte(float value, double lo, double scale) =>
        (byte)Math.Clamp(Math.Round((value - lo) * scale, MidpointRounding.AwayFromZero), 0, 255);
}
