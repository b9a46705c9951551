using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace PainBias.Imaging.Quality.Onnx;

/// <summary>Checks a manifest against what the loaded model declares, listing every mismatch with what the model has instead.</summary>
internal static class QualityModelValidation
{
    public static void Check(InferenceSession session, QualityModelManifest manifest)
    {
        var problems = new List<string>();
        var input = manifest.Input!;
        if (!session.InputMetadata.TryGetValue(input.Name, out var inMeta))
        {
            problems.Add($"The model has no input named '{input.Name}'; its inputs are {Describe(session.InputMetadata)}.");
        }
        else
        {
            CheckInput(input, inMeta, problems);
            var others = session.InputMetadata.Keys.Where(k => k != input.Name).ToList();
            if (others.Count > 0)
            {
                problems.Add($"The model needs inputs the manifest does not describe ({string.Join(", ", others)}); a check model takes one image input.");
            }
        }

        var output = manifest.Output!.Name;
        if (!session.OutputMetadata.TryGetValue(output, out var outMeta))
        {
            problems.Add($"The model has no output named '{output}'; its outputs are {Describe(session.OutputMetadata)}.");
        }
        else
        {
            CheckOutput(manifest.Kind!.Value, output, outMeta, problems);
        }

        if (problems.Count > 0)
        {
            throw new QualityModelException(problems);
        }
    }

    /// <summary>The same input checks for a model that gives one number per image (an audited pain model); returns the problems.</summary>
    internal static List<string> ProblemsOfScoreModel(InferenceSession session, QualityModelInput input, string output)
    {
        var problems = new List<string>();
        if (!session.InputMetadata.TryGetValue(input.Name, out var inMeta))
            problems.Add($"The model has no input named '{input.Name}'; its inputs are {Describe(session.InputMetadata)}.");
        else
        {
            CheckInput(input, inMeta, problems);
            var others = session.InputMetadata.Keys.Where(k => k != input.Name).ToList();
            if (others.Count > 0)
                problems.Add($"The model needs inputs the manifest does not describe ({string.Join(", ", others)}); it must take one image input.");
        }

        if (!session.OutputMetadata.TryGetValue(output, out var outMeta))
            problems.Add($"The model has no output named '{output}'; its outputs are {Describe(session.OutputMetadata)}.");
        else if (!outMeta.IsTensor || outMeta.ElementDataType != TensorElementType.Float)
            problems.Add($"The output '{output}' gives {outMeta.ElementDataType} values; the model must give float32.");
        else if (outMeta.Dimensions.Skip(1).ToArray() is var perImage && perImage.All(d => d > 0) && perImage.Aggregate(1L, (a, d) => a * d) != 1)
            problems.Add($"The output '{output}' has shape {Shape(outMeta.Dimensions)}; a pain model must give one number per image.");
        return problems;
    }

    private static void CheckInput(QualityModelInput input, NodeMetadata meta, List<string> problems)
    {
        if (!meta.IsTensor || meta.ElementDataType != TensorElementType.Float)
        {
            problems.Add($"The input '{input.Name}' takes {meta.ElementDataType} values; check models must take float32 images.");
            return;
        }

        var dims = meta.Dimensions;
        if (dims.Length != 4)
        {
            problems.Add($"The input '{input.Name}' has {dims.Length} dimensions {Shape(dims)}; an image input has 4 ({input.Layout.ToString().ToUpperInvariant()}).");
            return;
        }

        var (c, h, w) = input.Layout == TensorLayout.Nchw ? (dims[1], dims[2], dims[3]) : (dims[3], dims[1], dims[2]);
        var expected = input.Layout == TensorLayout.Nchw
            ? $"[1, {input.Channels}, {input.Height}, {input.Width}]"
            : $"[1, {input.Height}, {input.Width}, {input.Channels}]";
        if (!Fits(dims[0], 1) || !Fits(c, input.Channels) || !Fits(h, input.Height) || !Fits(w, input.Width))
        {
            problems.Add($"The input '{input.Name}' has shape {Shape(dims)}, but the manifest ({input.Layout.ToString().ToUpperInvariant()}, {input.Width}×{input.Height}, {input.Channels} channel(s)) feeds {expected}. Fix the layout, size or channels in the manifest.");
        }
    }

    private static void CheckOutput(QualityModelKind kind, string name, NodeMetadata meta, List<string> problems)
    {
        if (!meta.IsTensor || meta.ElementDataType != TensorElementType.Float)
        {
            problems.Add($"The output '{name}' gives {meta.ElementDataType} values; check models must give float32.");
            return;
        }

        // Fixed per-image sizes can be checked now; dynamic ones are checked on the first run.
        var perImage = meta.Dimensions.Skip(1).ToArray();
        if (perImage.All(d => d > 0))
        {
            var count = perImage.Aggregate(1L, (a, d) => a * d);
            if (kind == QualityModelKind.FaceVerification && count < 2)
            {
                problems.Add($"The output '{name}' has shape {Shape(meta.Dimensions)}: one number per image, but a FaceVerification model must give an embedding (a vector).");
            }
            else if (kind != QualityModelKind.FaceVerification && count != 1)
            {
                problems.Add($"The output '{name}' has shape {Shape(meta.Dimensions)}: {count} numbers per image, but a {kind} must give one (a score or an age).");
            }
        }
    }

    private static bool Fits(int declared, int wanted) => declared <= 0 || declared == wanted;

    private static string Shape(int[] dims) => "[" + string.Join(", ", dims.Select(d => d <= 0 ? "?" : d.ToString(System.Globalization.CultureInfo.InvariantCulture))) + "]";

    private static string Describe(IReadOnlyDictionary<string, NodeMetadata> nodes) =>
        nodes.Count == 0 ? "none" : string.Join(", ", nodes.Select(n => $"'{n.Key}' {(n.Value.IsTensor ? Shape(n.Value.Dimensions) : "")}".TrimEnd()));
}
