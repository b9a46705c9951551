using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.EntityFrameworkCore;
using PainBias.Data;

namespace PainBias.Data.Tests;

public class DatabaseConfigurationTests
{
    [Theory]
    [InlineData(null, DatabaseProvider.Sqlite)]
    [InlineData("", DatabaseProvider.Sqlite)]
    [InlineData("Data Source=/tmp/x.db", DatabaseProvider.Sqlite)]
    [InlineData("Host=db;Database=painbias;Username=u;Password=p", DatabaseProvider.Postgres)]
    [InlineData("server=db;database=painbias", DatabaseProvider.Postgres)]
    public void The_provider_follows_from_the_connection_string(string? connectionString, DatabaseProvider expected)
    {
        var resolved = ResolvedDatabase.From(new DatabaseOptions(), connectionString);
        Assert.Equal(expected, resolved.Provider);
        Assert.Equal(expected == DatabaseProvider.Sqlite, resolved.MigrateOnStart);
    }

    [Fact]
    public void Embedded_default_is_a_file_in_the_data_folder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "pb-" + Guid.NewGuid().ToString("N"));
        var resolved = ResolvedDatabase.From(new DatabaseOptions { DataDirectory = folder }, null);
        Assert.Equal($"Data Source={Path.Combine(folder, "painbias.db")}", resolved.ConnectionString);
        Assert.True(resolved.IsEmbedded);
    }

    [Fact]
    public void Postgres_without_a_connection_string_names_the_setting()
    {
        var ex = Assert.Throws<InvalidOperationException>(() =>
            ResolvedDatabase.From(new DatabaseOptions { Provider = DatabaseProvider.Postgres }, ""));
        Assert.Contains("ConnectionStrings__PainBias", ex.Message);
    }

    [Fact]
    public async Task An_unreachable_server_fails_with_the_setting_to_fix_and_no_password()
    {
        // Port 1 on loopback: nothing listens there, so the connection is refused at once.
        var database = ResolvedDatabase.From(new DatabaseOptions(),
            "Host=127.0.0.1;Port=1;Database=painbias;Username=painbias;Password=sup3rsecret;Timeout=3");
        var options = new DbContextOptionsBuilder<PainBiasDbContext>();
        DataServiceCollectionExtensions.Configure(options, database with { ConnectionString = database.ConnectionString });
        var factory = new PooledFactory(options.Options);
        var migrator = new DatabaseMigrator(factory, database, NullLogger<DatabaseMigrator>.Instance);

        var ex = await Assert.ThrowsAsync<DatabaseUnavailableException>(() => migrator.EnsureReachableAsync(CancellationToken.None));
        Assert.Contains("ConnectionStrings__PainBias", ex.Message);
        Assert.Contains("Host=127.0.0.1;Port=1", ex.Message);
        Assert.DoesNotContain("sup3rsecret", ex.Message);
    }

    private sealed class PooledFactory(DbContextOptions<PainBiasDbContext> options) : IDbContextFactory<PainBiasDbContext>
    {
        public PainBiasDbContext CreateDbContext() => new(options);
    }
}
