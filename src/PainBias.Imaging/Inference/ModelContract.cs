using System.Globalization;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace PainBias.Imaging.Inference;

/// <summary>Checks a manifest's image input against what an ONNX model declares, and describes shapes in messages.</summary>
public static class ModelContract
{
    /// <summary>
    /// Adds a problem when the model lacks the input or its type or shape disagrees with <paramref name="spec"/>.
    /// <paramref name="batch"/> is the batch the caller feeds: 1, or null when any batch the model declares is fine.
    /// </summary>
    public static void CheckImageInput(InferenceSession session, ImageTensorSpec spec, List<string> problems, int? batch = 1)
    {
        if (!session.InputMetadata.TryGetValue(spec.Name, out var meta))
        {
            problems.Add($"The model has no input named '{spec.Name}'; its inputs are {Describe(session.InputMetadata)}.");
            return;
        }

        if (!meta.IsTensor || meta.ElementDataType != TensorElementType.Float)
        {
            problems.Add($"The input '{spec.Name}' takes {meta.ElementDataType} values; the platform feeds float32 images.");
            return;
        }

        var dims = meta.Dimensions;
        var layout = spec.Layout.ToString().ToUpperInvariant();
        if (dims.Length != 4)
        {
            problems.Add($"The input '{spec.Name}' has {dims.Length} dimensions {Shape(dims)}; an image input has 4 ({layout}).");
            return;
        }

        var (c, h, w) = spec.Layout == ImageLayout.Nchw ? (dims[1], dims[2], dims[3]) : (dims[3], dims[1], dims[2]);
        var fed = Shape(spec.Shape(batch ?? Math.Max(1, dims[0])));
        if ((batch is { } b && !Fits(dims[0], b)) || !Fits(c, spec.Channels) || !Fits(h, spec.Height) || !Fits(w, spec.Width))
        {
            problems.Add($"The input '{spec.Name}' has shape {Shape(dims)}, but the manifest ({layout}, {spec.Width}×{spec.Height}, {spec.Channels} channel(s)) feeds {fed}. Fix the layout, size or channels in the manifest.");
        }
    }

    /// <summary>A declared dimension that is dynamic (≤ 0) fits any size.</summary>
    public static bool Fits(int declared, int wanted) => declared <= 0 || declared == wanted;

    public static string Shape(IEnumerable<int> dims) => "[" + string.Join(", ", dims.Select(d => d <= 0 ? "?" : d.ToString(CultureInfo.InvariantCulture))) + "]";

    public static string Shape(IEnumerable<long> dims) => Shape(dims.Select(d => (int)d));

    public static string Describe(IReadOnlyDictionary<string, NodeMetadata> nodes) =>
        nodes.Count == 0 ? "none" : string.Join(", ", nodes.Select(n => $"'{n.Key}' {(n.Value.IsTensor ? Shape(n.Value.Dimensions) : "")}".TrimEnd()));
}
