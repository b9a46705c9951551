using PainBias.Data;
using PainBias.Web.Features.Admin;
using PainBias.Web.Features.Demo;

namespace PainBias.Web.Hosting;

public static class DatabasePreparation
{
    /// <summary>Migrate (embedded default, or when Database:MigrateOnStart says so), then roles, the first admin and the demo study.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app, bool forceMigrate = false)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var database = services.GetRequiredService<ResolvedDatabase>();
        var migrator = services.GetRequiredService<DatabaseMigrator>();
        var stopping = app.Lifetime.ApplicationStopping;
        if (database.MigrateOnStart || forceMigrate)
            await migrator.MigrateAsync(stopping);
        else
            await migrator.EnsureReachableAsync(stopping);
        await services.GetRequiredService<AccountSeeder>().SeedAsync(stopping);
        await services.GetRequiredService<DemoStudySeeder>().SeedAsync(stopping);
    }

    /// <summary>
    /// Verbs for operators: "--migrate-only" (the compose file's one-shot migrator) and "--reset-admin-password".
    /// Returns true when a verb ran and the process should exit.
    /// </summary>
    public static async Task<bool> RunCommandLineVerbAsync(this WebApplication app, string[] args)
    {
        if (args.Contains("--migrate-only"))
        {
            await app.PrepareDatabaseAsync(forceMigrate: true);
            app.Logger.LogInformation("Database is migrated; exiting (--migrate-only)");
            return true;
        }
        if (args.Contains("--reset-admin-password"))
        {
            await app.PrepareDatabaseAsync();
            await using var scope = app.Services.CreateAsyncScope();
            var password = await scope.ServiceProvider.GetRequiredService<AccountSeeder>().ResetAdminPasswordAsync(app.Lifetime.ApplicationStopping);
            var admin = app.Services.GetRequiredService<AdminLogin>();
            app.Logger.LogWarning("New admin password for {Email}: {Password}", admin.Email, password);
            return true;
        }
        return false;
    }
}
