using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using PainBias.Data;

namespace PainBias.Web.Hosting;

public static class StartupAnnouncement
{
    /// <summary>Once listening: where to point a browser and how to log in, so a newcomer needs nothing else.</summary>
    public static void AnnounceStartup(this WebApplication app)
    {
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            var database = app.Services.GetRequiredService<ResolvedDatabase>();
            var admin = app.Services.GetRequiredService<AdminLogin>();
            var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("PainBias");
            logger.LogInformation("PainBias is running at {Urls} ({Provider}, data in {DataDirectory})",
                string.Join(", ", addresses), database.Provider, database.IsEmbedded ? database.DataDirectory : "PostgreSQL");
            logger.LogWarning("Admin login: {Email} / {Password}", admin.Email,
                admin.OneTimePassword ?? "(set at first start; reset with: dotnet run --project src/PainBias.Web -- --reset-admin-password)");
        });
    }
}
