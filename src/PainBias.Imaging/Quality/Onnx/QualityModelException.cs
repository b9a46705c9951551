namespace PainBias.Imaging.Quality.Onnx;

/// <summary>A check model or its manifest the platform cannot use, with every problem found, each in words a researcher can act on.</summary>
public sealed class QualityModelException(IReadOnlyList<string> problems)
    : Exception(string.Join(" ", problems))
{
    public QualityModelException(string problem) : this([problem])
    {
    }

    public IReadOnlyList<string> Problems { get; } = problems;
}
