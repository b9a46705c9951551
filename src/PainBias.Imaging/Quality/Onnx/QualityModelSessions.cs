using System.Collections.Concurrent;
using PainBias.Imaging.Inference;

namespace PainBias.Imaging.Quality.Onnx;

/// <summary>
/// Keeps one long-lived session per check model (keyed by the model's hash and its manifest), so a study's checks
/// load each model once per process rather than once per pair.
/// </summary>
public sealed class QualityModelSessions(OnnxSessionFactory sessions) : IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<OnnxQualityCheck>> _loaded = new();

    /// <summary>Loads on first use (validating the manifest against the model); <paramref name="model"/> is only called then.</summary>
    public OnnxQualityCheck Get(string modelSha256, QualityModelManifest manifest, Func<byte[]> model)
    {
        var key = modelSha256 + "\n" + manifest.ToJson();
        var lazy = _loaded.GetOrAdd(key, _ => new Lazy<OnnxQualityCheck>(() => OnnxQualityCheck.Load(sessions, model(), manifest)));
        try
        {
            return lazy.Value;
        }
        catch
        {
            // A model that failed to load is not cached, so a fixed upload with the same hash is tried again.
            _loaded.TryRemove(key, out _);
            throw;
        }
    }

    public void Dispose()
    {
        foreach (var lazy in _loaded.Values.Where(l => l.IsValueCreated))
        {
            lazy.Value.Dispose();
        }
    }
}
