namespace PainBias.Web.Features.Dashboard;

/// <summary>
/// Turns a burst of change signals into at most one refresh per <c>interval</c>: the first signal after a quiet spell
/// refreshes at once, later ones are folded into one refresh when the interval since the last has passed. A signal
/// that arrives while a refresh runs schedules one more, so the last change is always shown.
/// </summary>
public sealed class RefreshThrottle(TimeSpan interval, TimeProvider time, Func<Task> refresh) : IDisposable
{
    private readonly Lock _gate = new();
    private DateTimeOffset _last = DateTimeOffset.MinValue;
    private bool _scheduled;
    private bool _disposed;
    private ITimer? _timer;

    public void Signal()
    {
        lock (_gate)
        {
            if (_scheduled || _disposed)
                return;
            _scheduled = true;
            var now = time.GetUtcNow();
            var due = _last == DateTimeOffset.MinValue || now - _last >= interval ? TimeSpan.Zero : _last + interval - now;
            _timer?.Dispose();
            _timer = time.CreateTimer(_ => _ = RunAsync(), null, due, Timeout.InfiniteTimeSpan);
        }
    }

    private async Task RunAsync()
    {
        lock (_gate)
        {
            if (_disposed)
                return;
            _scheduled = false;
            _last = time.GetUtcNow();
        }
        await refresh();
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _timer?.Dispose();
        }
    }
}
