namespace PainBias.Imaging.Editing;

/// <summary>How far and where to move skin tone.</summary>
/// <param name="Strength">0 leaves the image as it is; 1 moves the skin's base layer all the way to the target.</param>
/// <param name="Seed">Recorded with the variant's provenance; this editor draws no random numbers, so its output depends on the pixels and options alone.</param>
public sealed record SkinToneOptions(double Strength, SkinTarget Target, int Seed = 0)
{
    public void Validate()
    {
        if (!(Strength is >= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(Strength), Strength, "The strength must be between 0 and 1.");
        }

        ArgumentNullException.ThrowIfNull(Target);
    }
}
