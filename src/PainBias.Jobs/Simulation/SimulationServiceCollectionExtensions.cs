using Microsoft.Extensions.DependencyInjection;

namespace PainBias.Jobs.Simulation;

public static class SimulationServiceCollectionExtensions
{
    /// <summary>The bot-crowd job and its HTTP client: no cookies (each bot is its own browser), redirects followed.</summary>
    public static IServiceCollection AddBotCrowd(this IServiceCollection services)
    {
        services.AddHttpClient(SimulateCrowdJob.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(() => new HttpClientHandler { UseCookies = false, AllowAutoRedirect = true });
        services.AddTransient<SimulateCrowdJob>();
        return services;
    }
}
