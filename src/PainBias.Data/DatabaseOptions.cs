namespace PainBias.Data;

public enum DatabaseProvider { Sqlite, Postgres }

/// <summary>
/// Section "Database". With nothing configured the platform runs embedded: a SQLite file in <see cref="DataDirectory"/>.
/// A PostgreSQL connection string in ConnectionStrings:PainBias (env ConnectionStrings__PainBias) switches to Postgres.
/// </summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";
    public const string ConnectionStringName = "PainBias";

    /// <summary>Explicit provider; when null it follows from the connection string (Host=… means PostgreSQL).</summary>
    public DatabaseProvider? Provider { get; set; }

    /// <summary>Folder for the embedded SQLite files; created on first run.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>Apply pending migrations at start. Null means: yes when embedded, no with PostgreSQL (production migrates as its own step).</summary>
    public bool? MigrateOnStart { get; set; }
}

/// <summary>The provider and connection string actually used, resolved once from configuration.</summary>
public sealed record ResolvedDatabase(DatabaseProvider Provider, string ConnectionString, string DataDirectory, bool MigrateOnStart)
{
    public bool IsEmbedded => Provider == DatabaseProvider.Sqlite;

    public static ResolvedDatabase From(DatabaseOptions options, string? connectionString)
    {
        var provider = options.Provider ?? Infer(connectionString);
        var dataDirectory = Path.GetFullPath(options.DataDirectory);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            if (provider == DatabaseProvider.Postgres)
                throw new InvalidOperationException(
                    "Database:Provider is Postgres but ConnectionStrings:PainBias is empty. Set ConnectionStrings__PainBias to e.g. " +
                    "\"Host=localhost;Database=painbias;Username=painbias;Password=...\".");
            connectionString = $"Data Source={Path.Combine(dataDirectory, "painbias.db")}";
        }
        return new ResolvedDatabase(provider, connectionString, dataDirectory, options.MigrateOnStart ?? provider == DatabaseProvider.Sqlite);
    }

    private static DatabaseProvider Infer(string? connectionString) =>
        connectionString is not null &&
        (connectionString.Contains("Host=", StringComparison.OrdinalIgnoreCase) ||
         connectionString.Contains("Server=", StringComparison.OrdinalIgnoreCase))
            ? DatabaseProvider.Postgres
            : DatabaseProvider.Sqlite;
}
