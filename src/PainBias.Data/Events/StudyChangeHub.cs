using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace PainBias.Data.Events;

/// <summary>
/// In-process fan-out of "study X changed" to this node's subscribers (open dashboards). Every node has one; on
/// PostgreSQL it is fed by <see cref="PostgresStudyChangeListener"/>, so a rating stored on any node reaches all of them.
/// Handlers run on the publishing thread and must return quickly (a dashboard only schedules a throttled refresh).
/// </summary>
public sealed class StudyChangeHub(ILogger<StudyChangeHub> logger)
{
    private readonly ConcurrentDictionary<Guid, Subscription> _subscriptions = new();

    /// <summary>Calls <paramref name="onChanged"/> whenever <paramref name="studyId"/> changes; dispose to stop.</summary>
    public IDisposable Subscribe(Guid studyId, Action onChanged)
    {
        var subscription = new Subscription(this, studyId, onChanged);
        _subscriptions[subscription.Id] = subscription;
        return subscription;
    }

    public void Publish(Guid studyId)
    {
        foreach (var subscription in _subscriptions.Values.Where(s => s.StudyId == studyId))
            Invoke(subscription);
    }

    /// <summary>Every study may have changed: notifications were missed while the listener was reconnecting.</summary>
    public void PublishAll()
    {
        foreach (var subscription in _subscriptions.Values)
            Invoke(subscription);
    }

    private void Invoke(Subscription subscription)
    {
        try
        {
            subscription.OnChanged();
        }
        catch (Exception ex)
        {
            // One broken subscriber must not keep the others, or the writer that published, from going on.
            logger.LogWarning(ex, "A study-change subscriber for study {StudyId} failed", subscription.StudyId);
        }
    }

    private sealed class Subscription(StudyChangeHub hub, Guid studyId, Action onChanged) : IDisposable
    {
        public Guid Id { get; } = Guid.NewGuid();
        public Guid StudyId => studyId;
        public Action OnChanged => onChanged;

        public void Dispose() => hub._subscriptions.TryRemove(Id, out _);
    }
}
