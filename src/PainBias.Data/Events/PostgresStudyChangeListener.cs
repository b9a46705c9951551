using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace PainBias.Data.Events;

/// <summary>
/// Runs on every web node with PostgreSQL: one connection that <c>LISTEN</c>s on the study-change channel and hands each
/// notification to this node's <see cref="StudyChangeHub"/>. A dropped connection is reopened with exponential backoff
/// (1 s doubling to 30 s); after a reconnect every subscriber is told to refresh, since notifications sent meanwhile are lost.
/// </summary>
public sealed class PostgresStudyChangeListener(ResolvedDatabase database, StudyChangeHub hub, ILogger<PostgresStudyChangeListener> logger)
    : BackgroundService
{
    /// <summary>Names the LISTEN connection in pg_stat_activity.</summary>
    public const string ApplicationName = "painbias-study-listener";

    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);
    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once the first LISTEN is in place (tests wait for it before writing).</summary>
    public Task Listening => _listening.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (database.Provider != DatabaseProvider.Postgres)
        {
            // Embedded: the in-process publisher feeds the hub directly.
            _listening.TrySetResult();
            return;
        }
        var backoff = TimeSpan.FromSeconds(1);
        var reconnect = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // No pooling and no keepalive surprises: this connection lives as long as the node.
                var builder = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Pooling = false, KeepAlive = 30, ApplicationName = ApplicationName };
                await using var connection = new NpgsqlConnection(builder.ConnectionString);
                connection.Notification += (_, e) => OnNotification(e.Payload);
                await connection.OpenAsync(stoppingToken);
                await using (var listen = new NpgsqlCommand($"LISTEN {PostgresStudyChangePublisher.Channel}", connection))
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                logger.LogInformation("Listening for study changes on channel {Channel}", PostgresStudyChangePublisher.Channel);
                _listening.TrySetResult();
                if (reconnect)
                    hub.PublishAll();
                backoff = TimeSpan.FromSeconds(1);
                while (!stoppingToken.IsCancellationRequested)
                    await connection.WaitAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // Whatever went wrong (server gone, network, a failover), the node must keep listening.
                logger.LogWarning(ex, "Study-change listener lost its connection; retrying in {Backoff}", backoff);
                reconnect = true;
                try
                {
                    await Task.Delay(backoff, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
            }
        }
    }

    private void OnNotification(string payload)
    {
        if (Guid.TryParse(payload, out var studyId))
            hub.Publish(studyId);
        else
            logger.LogWarning("Ignored a study-change notification with payload {Payload}", payload);
    }
}
