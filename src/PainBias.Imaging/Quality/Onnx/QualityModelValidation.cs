using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using PainBias.Imaging.Inference;

namespace PainBias.Imaging.Quality.Onnx;

/// <summary>Checks a manifest against what the loaded model declares, listing every mismatch with what the model has instead.</summary>
internal static class QualityModelValidation
{
    public static void Check(InferenceSession session, QualityModelManifest manifest)
    {
        var problems = new List<string>();
        var input = manifest.Input!;
        ModelContract.CheckImageInput(session, input, problems);
        var others = session.InputMetadata.Keys.Where(k => k != input.Name).ToList();
        if (session.InputMetadata.ContainsKey(input.Name) && others.Count > 0)
        {
            problems.Add($"The model needs inputs the manifest does not describe ({string.Join(", ", others)}); a check model takes one image input.");
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
        ModelContract.CheckImageInput(session, input, problems);
        var others = session.InputMetadata.Keys.Where(k => k != input.Name).ToList();
        if (session.InputMetadata.ContainsKey(input.Name) && others.Count > 0)
        {
            problems.Add($"The model needs inputs the manifest does not describe ({string.Join(", ", others)}); it must take one image input.");
        }

        if (!session.OutputMetadata.TryGetValue(output, out var outMeta))
        {
            problems.Add($"The model has no output named '{output}'; its outputs are {Describe(session.OutputMetadata)}.");
        }
        else if (!outMeta.IsTensor || outMeta.ElementDataType != TensorElementType.Float)
        {
            problems.Add($"The output '{output}' gives {outMeta.ElementDataType} values; the model must give float32.");
        }
        else if (outMeta.Dimensions.Skip(1).ToArray() is var perImage && perImage.All(d => d > 0) && perImage.Aggregate(1L, (a, d) => a * d) != 1)
        {
            problems.Add($"The output '{output}' has shape {Shape(outMeta.Dimensions)}; a pain model must give one number per image.");
        }

        return problems;
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

    private static string Shape(int[] dims) => ModelContract.Shape(dims);

    private static string Describe(IReadOnlyDictionary<string, NodeMetadata> nodes) => ModelContract.Describe(nodes);
}
