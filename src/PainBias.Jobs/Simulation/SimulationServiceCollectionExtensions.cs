using Microsoft.Extensions.DependencyInjection;

namespace PainBias.Jobs.Simulation;

public static class SimulationServiceCollectionExtensions
{
    /// <summary>The bot-crowd job (each bot gets its own HTTP client and cookies, as a separate browser).</summary>
    public static IServiceCollection AddBotCrowd(this IServiceCollection services)
    {
        services.AddTransient<SimulateCrowdJob>();
        return services;
    }
}
