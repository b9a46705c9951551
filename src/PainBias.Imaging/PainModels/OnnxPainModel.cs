using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using PainBias.Imaging.Inference;
using PainBias.Imaging.Quality.Onnx;
using SkiaSharp;

namespace PainBias.Imaging.PainModels;

/// <summary>
/// A researcher-supplied pain model on one long-lived session. The manifest is checked against the model's declared
/// inputs and outputs when it is loaded, so a mismatch is refused with the reason before any image runs.
/// </summary>
public sealed class OnnxPainModel : IDisposable
{
    private readonly InferenceSession _session;

    private OnnxPainModel(InferenceSession session, PainModelManifest manifest)
    {
        _session = session;
        Manifest = manifest;
    }

    public PainModelManifest Manifest { get; }

    public static OnnxPainModel Load(OnnxSessionFactory sessions, byte[] model, PainModelManifest manifest)
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

        var problems = QualityModelValidation.ProblemsOfScoreModel(session, manifest.Input!, manifest.Output!.Name);
        if (problems.Count > 0)
        {
            session.Dispose();
            throw new QualityModelException(problems);
        }

        return new OnnxPainModel(session, manifest);
    }

    /// <summary>The model's score for one image, as it came out (NaN included: the caller decides what that means).</summary>
    public double Predict(SKBitmap image)
    {
        var input = Manifest.Input!;
        var tensor = new DenseTensor<float>(input.Shape(1));
        ImageTensors.Fill(image, input, tensor.Buffer.Span);
        using var results = _session.Run([NamedOnnxValue.CreateFromTensor(input.Name, tensor)], [Manifest.Output!.Name]);
        var values = results[0].AsTensor<float>();
        if (values.Length != 1)
            throw new QualityModelException($"The model '{Manifest.Name}' returned {values.Length} values for one image; a pain model must return one.");
        return values.GetValue(0);
    }

    public void Dispose() => _session.Dispose();
}
