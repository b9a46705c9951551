using PainBias.Imaging.Inference;

namespace PainBias.Imaging.Quality.Onnx;

/// <summary>
/// Keeps one long-lived session per check model (keyed by the model's hash and its manifest), so a study's checks
/// load each model once per process rather than once per pair.
/// </summary>
public sealed class QualityModelSessions(OnnxSessionFactory sessions) : IDisposable
{
    private readonly ModelCache<OnnxQualityCheck> _loaded = new();

    /// <summary>Loads on first use (validating the manifest against the model); <paramref name="model"/> is only called then.</summary>
    public OnnxQualityCheck Get(string modelSha256, QualityModelManifest manifest, Func<byte[]> model) =>
        _loaded.Get(modelSha256 + "\n" + manifest.ToJson(), () => OnnxQualityCheck.Load(sessions, model(), manifest));

    public void Dispose() => _loaded.Dispose();
}
