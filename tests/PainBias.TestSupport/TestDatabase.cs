using Microsoft.EntityFrameworkCore;
using Xunit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using PainBias.Data;

namespace PainBias.TestSupport;

/// <summary>
/// A fresh, migrated database on either provider: a SQLite file in a temporary folder or a new PostgreSQL database.
/// The same integration tests take a <see cref="DatabaseProvider"/> and run against both.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private TestDatabase(DatabaseProvider provider, string? connectionString, string dataDirectory)
    {
        Provider = provider;
        DataDirectory = dataDirectory;
        Settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider.ToString(),
            ["Database:DataDirectory"] = dataDirectory,
            ["ConnectionStrings:PainBias"] = connectionString ?? "",
        };
        var services = new ServiceCollection();
        services.AddLogging();
        Resolved = services.AddPainBiasData(new ConfigurationBuilder().AddInMemoryCollection(Settings).Build());
        Services = services.BuildServiceProvider();
    }

    public static readonly TheoryData<DatabaseProvider> Providers = new() { DatabaseProvider.Sqlite, DatabaseProvider.Postgres };

    public DatabaseProvider Provider { get; }
    public string DataDirectory { get; }
    public ResolvedDatabase Resolved { get; }
    public ServiceProvider Services { get; }

    /// <summary>Configuration keys that point a host at this database (for WebApplicationFactory and worker tests).</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; }

    public IDbContextFactory<PainBiasDbContext> Contexts => Services.GetRequiredService<IDbContextFactory<PainBiasDbContext>>();

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider, bool migrate = true)
    {
        var directory = Directory.CreateTempSubdirectory("painbias-test-").FullName;
        var connectionString = provider == DatabaseProvider.Postgres ? await TestPostgres.CreateDatabaseAsync() : null;
        var database = new TestDatabase(provider, connectionString, directory);
        if (migrate)
        {
            await new DatabaseMigrator(database.Contexts, database.Resolved, NullLogger<DatabaseMigrator>.Instance)
                .MigrateAsync(CancellationToken.None);
        }
        return database;
    }

    public async Task<PainBiasDbContext> ContextAsync() => await Contexts.CreateDbContextAsync();

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        if (Provider == DatabaseProvider.Postgres)
            await TestPostgres.DropDatabaseAsync(Resolved.ConnectionString);
        else
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a pooled handle; the temp folder is cleaned by the OS.
        }
    }
}
