using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using PainBias.Core.Domain;
using PainBias.Imaging.Inference;
using SkiaSharp;

namespace PainBias.Imaging.Quality.Onnx;

/// <summary>
/// A researcher-supplied check model on one long-lived session. The manifest is checked against the model's own
/// input and output metadata when it is loaded, so a mismatch is refused at upload with the reason, not at the
/// first pair. Run is thread-safe (ONNX Runtime sessions are).
/// </summary>
public sealed class OnnxQualityCheck : IDisposable
{
    private readonly InferenceSession _session;

    private OnnxQualityCheck(InferenceSession session, QualityModelManifest manifest)
    {
        _session = session;
        Manifest = manifest;
    }

    public QualityModelManifest Manifest { get; }

    public string Name => Manifest.Name;

    public QualityModelKind Kind => Manifest.Kind!.Value;

    public static OnnxQualityCheck Load(OnnxSessionFactory sessions, byte[] model, QualityModelManifest manifest)
    {
        manifest.Validate();
        InferenceSession session;
        try
        {
            session = sessions.Create(model);
        }
        catch (OnnxRuntimeException e)
        {
            throw new QualityModelException($"ONNX Runtime cannot load the model file ({e.Message}). Check that it is an .onnx export, not a PyTorch checkpoint or an archive.");
        }

        try
        {
            QualityModelValidation.Check(session, manifest);
            return new OnnxQualityCheck(session, manifest);
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    /// <summary>The named output for one image, flattened (an embedding, or one score).</summary>
    public float[] Run(SKBitmap image)
    {
        var input = Manifest.Input!;
        var tensor = new DenseTensor<float>(input.Shape(1));
        ImageTensors.Fill(image, input, tensor.Buffer.Span);
        using var results = _session.Run([NamedOnnxValue.CreateFromTensor(input.Name, tensor)], [Manifest.Output!.Name]);
        var values = results[0].AsTensor<float>().ToArray();
        if (Kind != QualityModelKind.FaceVerification && values.Length != 1)
        {
            throw new QualityModelException($"The model '{Name}' returned {values.Length} values for one image; a {Kind} must return one number per image.");
        }

        return values;
    }

    /// <summary>Compares the variant with its original as the kind says (see <see cref="QualityModelKind"/>).</summary>
    public ModelCheckResult Evaluate(SKBitmap original, SKBitmap variant, Condition condition)
    {
        var threshold = Manifest.Threshold!.Value;
        switch (Kind)
        {
            case QualityModelKind.FaceVerification:
            {
                var cosine = Cosine(Run(original), Run(variant));
                var passed = cosine >= threshold;
                return new ModelCheckResult(Name, Kind, cosine, threshold, passed,
                    passed ? null : $"{Name}: face similarity {cosine:0.###} is below {threshold:0.###}; the variant may not show the same person.");
            }
            case QualityModelKind.DeepfakeDetector:
            {
                var (a, b) = (Run(original)[0], Run(variant)[0]);
                var passed = b <= threshold;
                return new ModelCheckResult(Name, Kind, b, threshold, passed,
                    passed ? null : $"{Name}: fake score {b:0.###} is above {threshold:0.###} (the original scores {a:0.###}).", a, b);
            }
            default:
            {
                var (a, b) = (Run(original)[0], Run(variant)[0]);
                var difference = (double)b - a;
                // Only a variant that should keep the age is held to the bound; an age edit is meant to move it.
                bool? passed = condition.ChangesAge() ? null : Math.Abs(difference) <= threshold;
                return new ModelCheckResult(Name, Kind, difference, threshold, passed,
                    passed == false ? $"{Name}: estimated age moved by {difference:+0.#;-0.#} years ({a:0.#} → {b:0.#}); a {condition} variant may move it by at most {threshold:0.#}." : null,
                    a, b);
            }
        }
    }

    public void Dispose() => _session.Dispose();

    private static double Cosine(float[] a, float[] b)
    {
        if (a.Length != b.Length)
        {
            throw new QualityModelException($"The embeddings differ in length ({a.Length} and {b.Length}); the model must return a fixed-size embedding.");
        }

        double dot = 0, na = 0, nb = 0;
        for (var i = 0; i < a.Length; i++)
        {
            dot += (double)a[i] * b[i];
            na += (double)a[i] * a[i];
            nb += (double)b[i] * b[i];
        }

        // A zero embedding has no direction: treat it as dissimilar rather than dividing by zero.
        return na > 0 && nb > 0 ? dot / Math.Sqrt(na * nb) : 0;
    }
}
