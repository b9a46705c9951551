namespace PainBias.Imaging.Normalisation;

/// <summary>How a study wants its faces: output side in pixels, greyscale or colour, and context around the face.</summary>
/// <param name="Size">Side of the square output, 32–4096 pixels.</param>
/// <param name="Greyscale">Convert to luma (Rec. 601), as the reference study showed its faces.</param>
/// <param name="Margin">Extra context on each side as a fraction of the face span: 0 crops tight to the face, 0.25 adds a quarter on every side.</param>
public sealed record NormaliseOptions(int Size = 256, bool Greyscale = false, float Margin = 0.25f)
{
    public const int MinSize = 32;
    public const int MaxSize = 4096;
    public const float MaxMargin = 2f;

    public void Validate()
    {
        if (Size is < MinSize or > MaxSize)
        {
            throw new ArgumentOutOfRangeException(nameof(Size), Size, $"The output size must be between {MinSize} and {MaxSize} pixels.");
        }

        if (!(Margin >= 0 && Margin <= MaxMargin))
        {
            throw new ArgumentOutOfRangeException(nameof(Margin), Margin, $"The margin must be between 0 and {MaxMargin}.");
        }
    }
}
