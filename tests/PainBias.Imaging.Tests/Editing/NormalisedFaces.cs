using PainBias.Imaging.Decoding;
using PainBias.Imaging.Faces;
using PainBias.Imaging.Normalisation;
using SkiaSharp;

namespace PainBias.Imaging.Tests.Editing;

/// <summary>Fixture faces normalised as a study would, with their aligned keypoints: the editor's real input.</summary>
internal static class NormalisedFaces
{
    private static readonly FaceNormaliser Normaliser = new(new ImageDecoder(), TestImages.Detector);

    public static (SKBitmap Image, FaceDetection Face) Load(string name, int size = 256, bool greyscale = false)
    {
        var result = Normaliser.Normalise(TestImages.Bytes(name), new NormaliseOptions(size, greyscale));
        // Greyscale PNGs decode to RGBA with R = G = B; keep the one-channel form the normaliser wrote.
        var bitmap = SKBitmap.Decode(result.Png);
        var image = greyscale && bitmap.ColorType != SKColorType.Gray8 ? Greyscale.ToGray8(bitmap) : bitmap;
        if (!ReferenceEquals(image, bitmap))
        {
            bitmap.Dispose();
        }

        return (image, result.Aligned);
    }

    public static double Luma(SKColor c) => (0.299 * c.Red) + (0.587 * c.Green) + (0.114 * c.Blue);
}
