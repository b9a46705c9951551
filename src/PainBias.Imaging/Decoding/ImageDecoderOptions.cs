namespace PainBias.Imaging.Decoding;

/// <summary>Limits checked before any pixel is decoded, so one hostile upload cannot exhaust memory.</summary>
public sealed record ImageDecoderOptions
{
    public long MaxBytes { get; init; } = 20L * 1024 * 1024;

    public long MaxPixels { get; init; } = 40_000_000;

    public int MaxSide { get; init; } = 12_000;

    public static ImageDecoderOptions Default { get; } = new();
}
