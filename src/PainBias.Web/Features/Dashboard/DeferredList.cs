using System.Collections;

namespace PainBias.Web.Features.Dashboard;

/// <summary>
/// A list computed on first use. The per-face intervals (a t quantile per face, per platform and sample) are most of a
/// refresh's arithmetic but only the per-face chart reads them, for one platform and sample at a time.
/// </summary>
public sealed class DeferredList<T>(Func<IReadOnlyList<T>> compute) : IReadOnlyList<T>
{
    private readonly Lazy<IReadOnlyList<T>> _items = new(compute);

    public T this[int index] => _items.Value[index];

    public int Count => _items.Value.Count;

    public IEnumerator<T> GetEnumerator() => _items.Value.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
