using Microsoft.Extensions.Time.Testing;
using PainBias.Web.Features.Dashboard;

namespace PainBias.Web.Tests.Dashboard;

/// <summary>A burst of changes costs one refresh per interval, and the last change is always shown (on a fake clock).</summary>
public class RefreshThrottleTests
{
    [Fact]
    public void The_first_signal_refreshes_at_once_a_burst_folds_into_one_refresh_after_the_interval()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 3, 12, 0, 0, TimeSpan.Zero));
        var refreshes = 0;
        using var throttle = new RefreshThrottle(TimeSpan.FromSeconds(2), clock, () => { refreshes++; return Task.CompletedTask; });

        throttle.Signal();
        clock.Advance(TimeSpan.Zero);
        Assert.Equal(1, refreshes);

        for (var i = 0; i < 50; i++)
        {
            clock.Advance(TimeSpan.FromMilliseconds(10));
            throttle.Signal();
        }
        Assert.Equal(1, refreshes);
        clock.Advance(TimeSpan.FromMilliseconds(1500));
        Assert.Equal(2, refreshes);

        // Quiet afterwards: nothing more until the next change, which (after a quiet spell) is shown at once.
        clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(2, refreshes);
        throttle.Signal();
        clock.Advance(TimeSpan.Zero);
        Assert.Equal(3, refreshes);
    }

    [Fact]
    public void Nothing_runs_after_dispose()
    {
        var clock = new FakeTimeProvider();
        var refreshes = 0;
        var throttle = new RefreshThrottle(TimeSpan.FromSeconds(2), clock, () => { refreshes++; return Task.CompletedTask; });
        throttle.Signal();
        clock.Advance(TimeSpan.Zero);
        throttle.Signal();
        throttle.Dispose();
        clock.Advance(TimeSpan.FromSeconds(5));
        throttle.Signal();
        clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(1, refreshes);
    }
}
