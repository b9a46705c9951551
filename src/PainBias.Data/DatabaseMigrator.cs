using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace PainBias.Data;

/// <summary>Applies migrations, turning an unreachable or misconfigured database into a message that names the setting to fix.</summary>
public sealed class DatabaseMigrator(IDbContextFactory<PainBiasDbContext> contexts, ResolvedDatabase database, ILogger<DatabaseMigrator> logger)
{
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        try
        {
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            if (pending.Count > 0)
            {
                logger.LogInformation("Applying {Count} migrations on {Provider}: {Migrations}", pending.Count, database.Provider, pending);
                await db.Database.MigrateAsync(cancellationToken);
            }
        }
        catch (Exception ex) when (IsConnectionProblem(ex))
        {
            throw new DatabaseUnavailableException(database, ex);
        }
    }

    /// <summary>Npgsql errors, also when wrapped by EF's retrying strategy; a malformed connection string throws ArgumentException.</summary>
    private static bool IsConnectionProblem(Exception ex) =>
        ex is NpgsqlException or RetryLimitExceededException or ArgumentException or Microsoft.Data.Sqlite.SqliteException
        || ex.InnerException is NpgsqlException;

    /// <summary>Fails fast with a clear message when the database cannot be reached (used by hosts that do not migrate).</summary>
    public async Task EnsureReachableAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        try
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
            await db.Database.CloseConnectionAsync();
        }
        catch (Exception ex) when (IsConnectionProblem(ex))
        {
            throw new DatabaseUnavailableException(database, ex);
        }
    }
}

public sealed class DatabaseUnavailableException(ResolvedDatabase database, Exception inner) : Exception(
    database.Provider == DatabaseProvider.Postgres
        ? $"Cannot use the PostgreSQL database ({Describe(database.ConnectionString)}): {Innermost(inner).Message} " +
          "Fix ConnectionStrings:PainBias (environment variable ConnectionStrings__PainBias) or start the server."
        : $"Cannot open the SQLite database ({database.ConnectionString}): {inner.Message} " +
          "Check Database:DataDirectory (Database__DataDirectory) is writable.",
    inner)
{
    private static Exception Innermost(Exception ex) => ex.InnerException is { } inner && ex is RetryLimitExceededException ? Innermost(inner) : ex;

    /// <summary>Host, port and database only: the password never reaches a log.</summary>
    private static string Describe(string connectionString)
    {
        try
        {
            var b = new NpgsqlConnectionStringBuilder(connectionString);
            return $"Host={b.Host};Port={b.Port};Database={b.Database};Username={b.Username}";
        }
        catch (ArgumentException)
        {
            return "unparseable connection string";
        }
    }
}
