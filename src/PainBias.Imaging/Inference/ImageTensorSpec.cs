namespace PainBias.Imaging.Inference;

/// <summary>
/// How an image becomes a model's float tensor: the input's name, axis order, size, channels and the values that
/// pixel 0 and pixel 255 map to. Shared by check models and ONNX editors, so both read manifests the same way.
/// </summary>
public record ImageTensorSpec
{
    public string Name { get; init; } = "";

    public ImageLayout Layout { get; init; } = ImageLayout.Nchw;

    public int Width { get; init; }

    public int Height { get; init; }

    /// <summary>3 feeds RGB; 1 feeds luma (Rec. 601).</summary>
    public int Channels { get; init; } = 3;

    /// <summary>Pixel 0 maps to Range[0] and 255 to Range[1], e.g. [0, 1], [-1, 1] or [0, 255].</summary>
    public double[] Range { get; init; } = [0, 1];

    /// <summary>Floats per image.</summary>
    public int Length => Width * Height * Channels;

    /// <summary>The tensor shape for <paramref name="batch"/> images.</summary>
    public int[] Shape(int batch) => Layout == ImageLayout.Nchw ? [batch, Channels, Height, Width] : [batch, Height, Width, Channels];

    /// <summary>Adds a sentence per problem, naming fields as <paramref name="field"/>.width and so on.</summary>
    public void Validate(List<string> problems, string field = "input")
    {
        if (string.IsNullOrWhiteSpace(Name))
        {
            problems.Add($"\"{field}.name\" is required: the model input to feed.");
        }

        if (Width is < 8 or > 4096 || Height is < 8 or > 4096)
        {
            problems.Add($"\"{field}.width\" and \"{field}.height\" must be 8..4096 pixels (got {Width}×{Height}).");
        }

        if (Channels is not (1 or 3))
        {
            problems.Add($"\"{field}.channels\" must be 3 (RGB) or 1 (greyscale), not {Channels}.");
        }

        if (!ValidRange(Range))
        {
            problems.Add($"\"{field}.range\" must be two different numbers [min, max]: the values that pixel 0 and pixel 255 become.");
        }
    }

    public static bool ValidRange(double[]? range) =>
        range is [var lo, var hi] && double.IsFinite(lo) && double.IsFinite(hi) && lo != hi;
}
