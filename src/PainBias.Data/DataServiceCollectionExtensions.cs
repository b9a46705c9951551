using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using PainBias.Data.Allocation;
using PainBias.Data.Blobs;
using PainBias.Data.Events;

namespace PainBias.Data;

public static class DataServiceCollectionExtensions
{
    public const string SqliteMigrationsAssembly = "PainBias.Migrations.Sqlite";
    public const string PostgresMigrationsAssembly = "PainBias.Migrations.Postgres";

    /// <summary>Registers the DbContext (and its factory) on the configured provider, study-change announcements, the blob store, the migrator and the slot allocator.</summary>
    public static ResolvedDatabase AddPainBiasData(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var database = ResolvedDatabase.From(options, configuration.GetConnectionString(DatabaseOptions.ConnectionStringName));
        services.AddSingleton(database);
        services.AddStudyChanges(database);
        services.AddDbContextFactory<PainBiasDbContext>((sp, db) =>
        {
            Configure(db, database);
            db.AddInterceptors(sp.GetRequiredService<StudyChangeInterceptor>());
        }, ServiceLifetime.Scoped);
        services.AddScoped<IBlobStore, DatabaseBlobStore>();
        services.AddScoped<DatabaseMigrator>();
        services.AddScoped<SlotAllocator>();
        services.AddHealthChecks().AddDbContextCheck<PainBiasDbContext>("database");
        return database;
    }

    /// <summary>
    /// Lets Npgsql prepare the statements a connection runs most (unless the connection string chooses): PostgreSQL then
    /// skips parsing and planning the task's few hot queries, which halves the server's CPU per assessor.
    /// </summary>
    private static string WithAutoPrepare(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!connectionString.Contains("Auto Prepare", StringComparison.OrdinalIgnoreCase) &&
            !connectionString.Contains("AutoPrepare", StringComparison.OrdinalIgnoreCase))
            builder.MaxAutoPrepare = 64;
        return builder.ConnectionString;
    }

    public static void Configure(DbContextOptionsBuilder db, ResolvedDatabase database)
    {
        if (database.Provider == DatabaseProvider.Postgres)
        {
            db.UseNpgsql(WithAutoPrepare(database.ConnectionString), npgsql => npgsql
                .MigrationsAssembly(PostgresMigrationsAssembly)
                .EnableRetryOnFailure(maxRetryCount: 5));
        }
        else
        {
            Directory.CreateDirectory(database.DataDirectory);
            db.UseSqlite(database.ConnectionString, sqlite => sqlite.MigrationsAssembly(SqliteMigrationsAssembly));
        }
    }
}
