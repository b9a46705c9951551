using PainBias.Imaging.Decoding;
using SkiaSharp;

namespace PainBias.Imaging.Tests.Decoding;

public sealed class ExifOrientationTests
{
    // Stored quadrants: top-left red, top-right green, bottom-left blue, bottom-right white.
    private static readonly SKColor R = SKColors.Red, G = SKColors.Lime, B = SKColors.Blue, W = SKColors.White;

    public static TheoryData<ushort, SKEncodedOrigin, int, int, string> Orientations => new()
    {
        // orientation, origin, displayed width, height, displayed quadrants TL TR BL BR
        { 1, SKEncodedOrigin.TopLeft, 64, 32, "RGBW" },
        { 2, SKEncodedOrigin.TopRight, 64, 32, "GRWB" },
        { 3, SKEncodedOrigin.BottomRight, 64, 32, "WBGR" },
        { 4, SKEncodedOrigin.BottomLeft, 64, 32, "BWRG" },
        { 5, SKEncodedOrigin.LeftTop, 32, 64, "RBGW" },
        { 6, SKEncodedOrigin.RightTop, 32, 64, "BRWG" },
        { 7, SKEncodedOrigin.RightBottom, 32, 64, "WGBR" },
        { 8, SKEncodedOrigin.LeftBottom, 32, 64, "GWRB" },
    };

    [Theory]
    [MemberData(nameof(Orientations))]
    public void Jpeg_with_an_orientation_tag_decodes_upright(ushort orientation, SKEncodedOrigin origin, int width, int height, string quadrants)
    {
        var jpeg = CraftedFiles.WithExifOrientation(StoredQuadrants(), orientation);

        using var image = new ImageDecoder().Decode(jpeg);

        Assert.Equal(origin, image.Origin);
        Assert.Equal((width, height), (image.Width, image.Height));
        var expected = quadrants.Select(c => c switch { 'R' => R, 'G' => G, 'B' => B, _ => W }).ToArray();
        AssertNear(expected[0], image.Bitmap.GetPixel(width / 4, height / 4));
        AssertNear(expected[1], image.Bitmap.GetPixel(width * 3 / 4, height / 4));
        AssertNear(expected[2], image.Bitmap.GetPixel(width / 4, height * 3 / 4));
        AssertNear(expected[3], image.Bitmap.GetPixel(width * 3 / 4, height * 3 / 4));
    }

    private static byte[] StoredQuadrants()
    {
        using var bitmap = new SKBitmap(64, 32);
        using (var canvas = new SKCanvas(bitmap))
        {
            using var paint = new SKPaint();
            foreach (var (colour, x, y) in new[] { (R, 0, 0), (G, 32, 0), (B, 0, 16), (W, 32, 16) })
            {
                paint.Color = colour;
                canvas.DrawRect(x, y, 32, 16, paint);
            }
        }

        return TestImages.Encode(bitmap, SKEncodedImageFormat.Jpeg, 100);
    }

    private static void AssertNear(SKColor expected, SKColor actual)
    {
        // JPEG keeps flat colours within a few levels; quadrants differ by 255 in at least one channel.
        var distance = Math.Abs(expected.Red - actual.Red) + Math.Abs(expected.Green - actual.Green) + Math.Abs(expected.Blue - actual.Blue);
        Assert.True(distance < 60, $"expected {expected}, got {actual}");
    }
}
