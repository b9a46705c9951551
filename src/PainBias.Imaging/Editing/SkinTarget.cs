namespace PainBias.Imaging.Editing;

/// <summary>
/// Where the skin's smooth base layer goes at full strength: a relative step darker or lighter, an
/// absolute CIE L* lightness, or a full Lab tone (colour images; greyscale images use its L* only).
/// </summary>
public sealed record SkinTarget
{
    /// <summary>The relative step in L*: about the gap between light and dark skin groups' mean lightness.</summary>
    public const double Step = 20;

    private SkinTarget(double? shift, double? lightness, double? a, double? b)
    {
        Shift = shift;
        Lightness = lightness;
        A = a;
        B = b;
    }

    public static SkinTarget Darker { get; } = new(-Step, null, null, null);

    public static SkinTarget Lighter { get; } = new(Step, null, null, null);

    public double? Shift { get; }

    public double? Lightness { get; }

    public double? A { get; }

    public double? B { get; }

    public static SkinTarget ToLightness(double lightness) => new(null, CheckLightness(lightness), null, null);

    public static SkinTarget ToTone(double lightness, double a, double b) => new(null, CheckLightness(lightness), a, b);

    /// <summary>The target L* for skin whose mean lightness is <paramref name="mean"/>, kept inside the printable range.</summary>
    public double TargetLightness(double mean) => Math.Clamp(Lightness ?? (mean + Shift!.Value), 5, 98);

    private static double CheckLightness(double l) =>
        l is >= 0 and <= 100 ? l : throw new ArgumentOutOfRangeException(nameof(l), l, "L* lies between 0 and 100.");
}
