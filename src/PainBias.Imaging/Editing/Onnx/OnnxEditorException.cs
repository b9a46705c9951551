namespace PainBias.Imaging.Editing.Onnx;

/// <summary>An ONNX editor, its manifest or one of its runs the platform cannot use, with every problem in words a researcher can act on.</summary>
public sealed class OnnxEditorException(IReadOnlyList<string> problems)
    : Exception(string.Join(" ", problems))
{
    public OnnxEditorException(string problem) : this([problem])
    {
    }

    public IReadOnlyList<string> Problems { get; } = problems;
}
