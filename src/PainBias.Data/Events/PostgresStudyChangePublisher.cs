using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;

namespace PainBias.Data.Events;

/// <summary>
/// PostgreSQL: <c>NOTIFY painbias_study_changes, '&lt;study id&gt;'</c> on a pooled connection of its own, after the
/// change has committed. Every node's <see cref="PostgresStudyChangeListener"/> (this one's included) hears it.
/// Announcements are coalesced: a save only marks its studies, and one background flush at most every
/// <see cref="Coalesce"/> sends one NOTIFY per marked study. Dashboards refresh at most every 2 s anyway; sending one
/// NOTIFY per save cost every rating a connection, a round trip and PostgreSQL's cluster-wide NOTIFY commit lock.
/// </summary>
public sealed class PostgresStudyChangePublisher(ResolvedDatabase database, ILogger<PostgresStudyChangePublisher> logger) : IStudyChangePublisher
{
    public const string Channel = "painbias_study_changes";

    public static readonly TimeSpan Coalesce = TimeSpan.FromMilliseconds(100);

    private readonly ConcurrentDictionary<Guid, byte> _pending = new();
    private int _flushing;

    public Task PublishAsync(IReadOnlyCollection<Guid> studyIds, CancellationToken cancellationToken = default)
    {
        foreach (var id in studyIds)
            _pending[id] = 0;
        if (Interlocked.CompareExchange(ref _flushing, 1, 0) == 0)
            _ = Task.Run(FlushAsync, CancellationToken.None);
        return Task.CompletedTask;
    }

    private async Task FlushAsync()
    {
        while (true)
        {
            await Task.Delay(Coalesce);
            var ids = _pending.Keys.ToArray();
            foreach (var id in ids)
                _pending.TryRemove(id, out _);
            if (ids.Length > 0)
                await NotifyAsync(ids);
            if (!_pending.IsEmpty)
                continue;
            Volatile.Write(ref _flushing, 0);
            // A study marked between the check and the reset found the flag still set: take the flush back for it.
            if (_pending.IsEmpty || Interlocked.CompareExchange(ref _flushing, 1, 0) != 0)
                return;
        }
    }

    private async Task NotifyAsync(Guid[] studyIds)
    {
        try
        {
            await using var connection = new NpgsqlConnection(database.ConnectionString);
            await connection.OpenAsync();
            await using var notify = new NpgsqlCommand("SELECT pg_notify(@channel, id) FROM unnest(@ids) AS id", connection);
            notify.Parameters.AddWithValue("channel", Channel);
            notify.Parameters.Add(new NpgsqlParameter("ids", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = studyIds.Select(id => id.ToString("D")).ToArray() });
            await notify.ExecuteNonQueryAsync();
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or TimeoutException or OperationCanceledException)
        {
            // The ratings are stored; only the live refresh is late (the next change or a reload shows it).
            logger.LogWarning(ex, "Could not announce changes of studies {StudyIds}", studyIds);
        }
    }
}
