namespace PainBias.Imaging.Pixels;

/// <summary>
/// sRGB (8-bit, D65) ↔ CIE L*a*b*. Skin tone is edited in Lab because L* follows perceived lightness, so
/// "darker by ten" looks like the same step on pale and dark skin, and a*/b* (the tone) stay put.
/// </summary>
public static class Lab
{
    private const double Xn = 0.95047;
    private const double Zn = 1.08883;

    public static (double L, double A, double B) FromSrgb(byte r, byte g, byte b)
    {
        var (lr, lg, lb) = (ToLinear(r), ToLinear(g), ToLinear(b));
        var x = ((0.4124564 * lr) + (0.3575761 * lg) + (0.1804375 * lb)) / Xn;
        var y = (0.2126729 * lr) + (0.7151522 * lg) + (0.0721750 * lb);
        var z = ((0.0193339 * lr) + (0.1191920 * lg) + (0.9503041 * lb)) / Zn;
        var (fx, fy, fz) = (F(x), F(y), F(z));
        return ((116 * fy) - 16, 500 * (fx - fy), 200 * (fy - fz));
    }

    public static (byte R, byte G, byte B) ToSrgb(double l, double a, double b)
    {
        var fy = (l + 16) / 116;
        var x = FInverse(fy + (a / 500)) * Xn;
        var y = FInverse(fy);
        var z = FInverse(fy - (b / 200)) * Zn;
        var lr = (3.2404542 * x) - (1.5371385 * y) - (0.4985314 * z);
        var lg = (-0.9692660 * x) + (1.8760108 * y) + (0.0415560 * z);
        var lb = (0.0556434 * x) - (0.2040259 * y) + (1.0572252 * z);
        return (FromLinear(lr), FromLinear(lg), FromLinear(lb));
    }

    /// <summary>L* of a grey level (a* = b* = 0 for R = G = B).</summary>
    public static double LightnessOfGrey(byte v) => (116 * F(ToLinear(v))) - 16;

    /// <summary>The grey level of an L* (the inverse of <see cref="LightnessOfGrey"/>).</summary>
    public static byte GreyOfLightness(double l) => FromLinear(FInverse((l + 16) / 116));

    private static double ToLinear(byte v)
    {
        var c = v / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
    }

    private static byte FromLinear(double c)
    {
        c = Math.Clamp(c, 0, 1);
        var v = c <= 0.0031308 ? 12.92 * c : (1.055 * Math.Pow(c, 1 / 2.4)) - 0.055;
        return (byte)Math.Round(v * 255, MidpointRounding.AwayFromZero);
    }

    private static double F(double t) => t > 216.0 / 24389 ? Math.Cbrt(t) : ((24389.0 / 27 * t) + 16) / 116;

    private static double FInverse(double f) => f * f * f > 216.0 / 24389 ? f * f * f : ((116 * f) - 16) * 27 / 24389;
}
