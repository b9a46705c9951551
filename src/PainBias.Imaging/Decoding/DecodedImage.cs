using SkiaSharp;

namespace PainBias.Imaging.Decoding;

/// <summary>Pixels upright (EXIF orientation applied) in sRGB, with what the file said about itself.</summary>
public sealed class DecodedImage(SKBitmap bitmap, SKEncodedImageFormat format, SKEncodedOrigin origin) : IDisposable
{
    /// <summary>Immutable, so that drawing it never copies; editors work on a <c>Copy()</c>.</summary>
    public SKBitmap Bitmap { get; } = bitmap;

    public SKEncodedImageFormat Format { get; } = format;

    /// <summary>The orientation the file declared; the bitmap is already turned upright.</summary>
    public SKEncodedOrigin Origin { get; } = origin;

    public int Width => Bitmap.Width;

    public int Height => Bitmap.Height;

    public void Dispose() => Bitmap.Dispose();
}
