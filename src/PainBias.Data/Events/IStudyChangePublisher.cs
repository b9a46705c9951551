namespace PainBias.Data.Events;

/// <summary>Announces committed changes of studies to every node. Never throws: a lost announcement only delays a dashboard.</summary>
public interface IStudyChangePublisher
{
    Task PublishAsync(IReadOnlyCollection<Guid> studyIds, CancellationToken cancellationToken = default);
}

/// <summary>Embedded mode: one process, so the announcement goes straight to the hub.</summary>
public sealed class InProcessStudyChangePublisher(StudyChangeHub hub) : IStudyChangePublisher
{
    public Task PublishAsync(IReadOnlyCollection<Guid> studyIds, CancellationToken cancellationToken = default)
    {
        foreach (var id in studyIds)
            hub.Publish(id);
        return Task.CompletedTask;
    }
}
