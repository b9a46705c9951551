using Npgsql;

namespace PainBias.TestSupport;

/// <summary>
/// The throwaway PostgreSQL server that scripts/test.sh starts. Every test database is created fresh with a random
/// name and dropped afterwards, so tests never see each other's rows.
/// </summary>
public static class TestPostgres
{
    public const string Variable = "PAINBIAS_TEST_POSTGRES";

    public static string AdminConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"PostgreSQL tests need {Variable} (an admin connection string). Run the suite with `bash scripts/test.sh`, " +
                "which starts a throwaway server, or set the variable to a server you can create databases on.");

    public static async Task<string> CreateDatabaseAsync()
    {
        var name = "painbias_test_" + Guid.NewGuid().ToString("N")[..16];
        await using (var admin = new NpgsqlConnection(AdminConnectionString))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
            await create.ExecuteNonQueryAsync();
        }
        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name }.ConnectionString;
    }

    public static async Task DropDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(AdminConnectionString);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }
}
