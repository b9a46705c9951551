using Microsoft.Extensions.Logging;
using Npgsql;

namespace PainBias.Data.Events;

/// <summary>
/// PostgreSQL: <c>NOTIFY painbias_study_changes, '&lt;study id&gt;'</c> on a pooled connection of its own, after the
/// change has committed. Every node's <see cref="PostgresStudyChangeListener"/> (this one's included) hears it.
/// </summary>
public sealed class PostgresStudyChangePublisher(ResolvedDatabase database, ILogger<PostgresStudyChangePublisher> logger) : IStudyChangePublisher
{
    public const string Channel = "painbias_study_changes";

    public async Task PublishAsync(IReadOnlyCollection<Guid> studyIds, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = new NpgsqlConnection(database.ConnectionString);
            await connection.OpenAsync(cancellationToken);
            foreach (var id in studyIds)
            {
                await using var notify = new NpgsqlCommand("SELECT pg_notify(@channel, @payload)", connection);
                notify.Parameters.AddWithValue("channel", Channel);
                notify.Parameters.AddWithValue("payload", id.ToString("D"));
                await notify.ExecuteNonQueryAsync(cancellationToken);
            }
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or TimeoutException or OperationCanceledException)
        {
            // The rating is stored; only the live refresh is late (the next change or a reload shows it).
            logger.LogWarning(ex, "Could not announce changes of studies {StudyIds}", studyIds);
        }
    }
}
