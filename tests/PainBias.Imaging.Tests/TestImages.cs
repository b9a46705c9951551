using PainBias.Imaging.Decoding;
using PainBias.Imaging.Faces;
using PainBias.Imaging.Inference;
using SkiaSharp;

namespace PainBias.Imaging.Tests;

/// <summary>Fixture photos (see Fixtures/faces/NOTICE.md) and small images made on the spot.</summary>
internal static class TestImages
{
    public const string SeveralFaces = "bald_guys_crop.jpg";

    public static readonly string[] SingleFaces =
    [
        "collins-astronaut.png",
        "hopper.jpg",
        "Tom_Cruise_avp_2014_4.jpg",
        "John_Salley_000179_02159509.jpg",
        "John_Savage_000264_01099001.jpg",
        "John_Simm_000288_00470387.jpg",
    ];

    private static readonly Lazy<BlazeFaceDetector> SharedDetector = new(() => new BlazeFaceDetector(new OnnxSessionFactory()));

    /// <summary>One session for the whole run, as a host would hold it; ONNX Runtime sessions are thread-safe.</summary>
    public static BlazeFaceDetector Detector => SharedDetector.Value;

    public static byte[] Bytes(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "faces", name));

    public static DecodedImage Decode(string name) => new ImageDecoder().Decode(Bytes(name));

    public static SKBitmap Solid(int width, int height, SKColor colour)
    {
        var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        bitmap.Erase(colour);
        return bitmap;
    }

    /// <summary>Draws <paramref name="source"/> onto a new canvas through <paramref name="transform"/>.</summary>
    public static SKBitmap Draw(SKBitmap source, int width, int height, SKMatrix transform)
    {
        var bitmap = Solid(width, height, new SKColor(90, 90, 90));
        using var canvas = new SKCanvas(bitmap);
        using var image = SKImage.FromBitmap(source);
        canvas.SetMatrix(transform);
        canvas.DrawImage(image, 0, 0, new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
        return bitmap;
    }

    public static byte[] Encode(SKBitmap bitmap, SKEncodedImageFormat format, int quality = 95)
    {
        using var data = bitmap.Encode(format, quality);
        return data.ToArray();
    }
}
