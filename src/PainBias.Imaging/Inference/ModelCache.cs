using System.Collections.Concurrent;

namespace PainBias.Imaging.Inference;

/// <summary>
/// One long-lived loaded model per key (the model file's hash and its manifest), so a process loads each model once
/// rather than once per image. A load that fails is not cached, so a fixed upload with the same hash is tried again.
/// </summary>
public sealed class ModelCache<T> : IDisposable
    where T : class, IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<T>> _loaded = new();

    public T Get(string key, Func<T> load)
    {
        var lazy = _loaded.GetOrAdd(key, _ => new Lazy<T>(load));
        try
        {
            return lazy.Value;
        }
        catch
        {
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
