namespace PainBias.Imaging.Pixels;

/// <summary>
/// Separable Gaussian blur on float planes, edges clamped. Written here rather than taken from
/// SKImageFilter.CreateBlur because the editor and the checks blur float Lab planes and masks (Skia blurs
/// 8-bit pixels, and its GPU/CPU paths may round differently), and the editor must be byte-for-byte
/// deterministic on every node.
/// </summary>
public static class GaussianBlur
{
    /// <summary>Normalised 1-D kernel of radius ⌈3σ⌉ (at least 1).</summary>
    public static double[] Kernel(double sigma, int? radius = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sigma);
        var r = radius ?? Math.Max(1, (int)Math.Ceiling(3 * sigma));
        var kernel = new double[(2 * r) + 1];
        var sum = 0.0;
        for (var i = -r; i <= r; i++)
        {
            sum += kernel[i + r] = Math.Exp(-(i * i) / (2 * sigma * sigma));
        }

        for (var i = 0; i < kernel.Length; i++)
        {
            kernel[i] /= sum;
        }

        return kernel;
    }

    /// <summary>Blurs a width×height plane (row-major) with edges clamped, so borders keep their level.</summary>
    public static float[] Apply(ReadOnlySpan<float> plane, int width, int height, double sigma)
    {
        var kernel = Kernel(sigma);
        var r = kernel.Length / 2;
        var rows = new float[plane.Length];
        for (var y = 0; y < height; y++)
        {
            var row = plane.Slice(y * width, width);
            for (var x = 0; x < width; x++)
            {
                var sum = 0.0;
                for (var k = -r; k <= r; k++)
                {
                    sum += kernel[k + r] * row[Math.Clamp(x + k, 0, width - 1)];
                }

                rows[(y * width) + x] = (float)sum;
            }
        }

        var result = new float[plane.Length];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var sum = 0.0;
                for (var k = -r; k <= r; k++)
                {
                    sum += kernel[k + r] * rows[(Math.Clamp(y + k, 0, height - 1) * width) + x];
                }

                result[(y * width) + x] = (float)sum;
            }
        }

        return result;
    }
}
