using SkiaSharp;

namespace PainBias.Imaging.Pixels;

/// <summary>
/// An 8-bit image as float L*, a*, b* planes. Greyscale images (Gray8, or RGBA with R = G = B everywhere)
/// carry L* only and come back as greyscale, so an edit never tints a grey study face.
/// </summary>
public sealed class LabPlanes
{
    private LabPlanes(int width, int height, bool grey)
    {
        Width = width;
        Height = height;
        Grey = grey;
        L = new float[width * height];
        A = grey ? [] : new float[width * height];
        B = grey ? [] : new float[width * height];
    }

    public int Width { get; }

    public int Height { get; }

    public bool Grey { get; }

    public float[] L { get; }

    public float[] A { get; }

    public float[] B { get; }

    public static LabPlanes From(SKBitmap image)
    {
        if (image.ColorType == SKColorType.Gray8)
        {
            var grey = new LabPlanes(image.Width, image.Height, grey: true);
            var pixels = image.GetPixelSpan();
            for (var i = 0; i < grey.L.Length; i++)
            {
                grey.L[i] = (float)Lab.LightnessOfGrey(pixels[i]);
            }

            return grey;
        }

        using var copy = image.ColorType == SKColorType.Rgba8888 ? null : image.Copy(SKColorType.Rgba8888);
        var rgba = (copy ?? image).GetPixelSpan();
        var planes = new LabPlanes(image.Width, image.Height, IsGrey(rgba));
        for (int p = 0, i = 0; i < planes.L.Length; p += 4, i++)
        {
            if (planes.Grey)
            {
                planes.L[i] = (float)Lab.LightnessOfGrey(rgba[p]);
                continue;
            }

            var (l, a, b) = Lab.FromSrgb(rgba[p], rgba[p + 1], rgba[p + 2]);
            (planes.L[i], planes.A[i], planes.B[i]) = ((float)l, (float)a, (float)b);
        }

        return planes;
    }

    /// <summary>The luma plane (Rec. 601, 0–255) that SSIM is conventionally computed on.</summary>
    public static float[] Luma(SKBitmap image)
    {
        if (image.ColorType == SKColorType.Gray8)
        {
            return image.GetPixelSpan().ToArray().Select(v => (float)v).ToArray();
        }

        using var copy = image.ColorType == SKColorType.Rgba8888 ? null : image.Copy(SKColorType.Rgba8888);
        var rgba = (copy ?? image).GetPixelSpan();
        var luma = new float[image.Width * image.Height];
        for (int p = 0, i = 0; i < luma.Length; p += 4, i++)
        {
            luma[i] = (0.299f * rgba[p]) + (0.587f * rgba[p + 1]) + (0.114f * rgba[p + 2]);
        }

        return luma;
    }

    private static bool IsGrey(ReadOnlySpan<byte> rgba)
    {
        for (var p = 0; p < rgba.Length; p += 4)
        {
            if (rgba[p] != rgba[p + 1] || rgba[p + 1] != rgba[p + 2])
            {
                return false;
            }
        }

        return true;
    }
}
