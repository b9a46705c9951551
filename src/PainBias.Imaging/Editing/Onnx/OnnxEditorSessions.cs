using PainBias.Imaging.Inference;

namespace PainBias.Imaging.Editing.Onnx;

/// <summary>One long-lived session per ONNX editor (keyed by the model's hash and its manifest), on the process's device.</summary>
public sealed class OnnxEditorSessions(OnnxSessionFactory sessions) : IDisposable
{
    private readonly ModelCache<OnnxEditor> _loaded = new();

    /// <summary>Loads on first use (validating the manifest against the model); <paramref name="model"/> is only called then.</summary>
    public OnnxEditor Get(string modelSha256, OnnxEditorManifest manifest, Func<byte[]> model) =>
        _loaded.Get(modelSha256 + "\n" + manifest.ToJson(), () => OnnxEditor.Load(sessions, model(), manifest, modelSha256));

    public void Dispose() => _loaded.Dispose();
}
