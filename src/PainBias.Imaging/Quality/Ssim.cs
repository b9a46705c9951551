using PainBias.Imaging.Pixels;

namespace PainBias.Imaging.Quality;

/// <summary>
/// Mean structural similarity (Wang, Bovik, Sheikh and Simoncelli, "Image quality assessment: from error
/// visibility to structural similarity", IEEE Trans. Image Processing 13(4), 2004): 11×11 Gaussian window
/// with σ = 1.5, C1 = (0.01·255)², C2 = (0.03·255)², averaged over the window positions that fit inside
/// the image (the paper's reference implementation's "valid" filtering).
/// </summary>
public static class Ssim
{
    public const int Window = 11;
    public const double WindowSigma = 1.5;
    private const double C1 = 0.01 * 255 * 0.01 * 255;
    private const double C2 = 0.03 * 255 * 0.03 * 255;

    public static double Compute(float[] x, float[] y, int width, int height)
    {
        if (x.Length != width * height || y.Length != width * height)
        {
            throw new ArgumentException("Both planes must hold width × height values.");
        }

        if (width < Window || height < Window)
        {
            throw new ArgumentException($"SSIM needs images of at least {Window}×{Window} pixels.");
        }

        var kernel = GaussianBlur.Kernel(WindowSigma, Window / 2);
        var xx = new double[x.Length];
        var yy = new double[x.Length];
        var xy = new double[x.Length];
        var xd = new double[x.Length];
        var yd = new double[x.Length];
        for (var i = 0; i < x.Length; i++)
        {
            (xd[i], yd[i]) = (x[i], y[i]);
            xx[i] = xd[i] * xd[i];
            yy[i] = yd[i] * yd[i];
            xy[i] = xd[i] * yd[i];
        }

        var (mx, my) = (Valid(xd, width, height, kernel), Valid(yd, width, height, kernel));
        var (sxx, syy, sxy) = (Valid(xx, width, height, kernel), Valid(yy, width, height, kernel), Valid(xy, width, height, kernel));
        var sum = 0.0;
        for (var i = 0; i < mx.Length; i++)
        {
            var (ux, uy) = (mx[i], my[i]);
            var vx = sxx[i] - (ux * ux);
            var vy = syy[i] - (uy * uy);
            var cov = sxy[i] - (ux * uy);
            sum += ((2 * ux * uy) + C1) * ((2 * cov) + C2) / (((ux * ux) + (uy * uy) + C1) * (vx + vy + C2));
        }

        return sum / mx.Length;
    }

    /// <summary>Separable filtering where the whole window lies inside: (w − 10) × (h − 10) values.</summary>
    private static double[] Valid(double[] plane, int width, int height, double[] kernel)
    {
        var n = kernel.Length;
        var (ow, oh) = (width - n + 1, height - n + 1);
        var rows = new double[ow * height];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < ow; x++)
            {
                var s = 0.0;
                for (var k = 0; k < n; k++)
                {
                    s += kernel[k] * plane[(y * width) + x + k];
                }

                rows[(y * ow) + x] = s;
            }
        }

        var result = new double[ow * oh];
        for (var y = 0; y < oh; y++)
        {
            for (var x = 0; x < ow; x++)
            {
                var s = 0.0;
                for (var k = 0; k < n; k++)
                {
                    s += kernel[k] * rows[((y + k) * ow) + x];
                }

                result[(y * ow) + x] = s;
            }
        }

        return result;
    }
}
