using PainBias.Jobs.Simulation;

namespace PainBias.Web.Features.Simulation;

public static class SimulationRegistration
{
    /// <summary>The simulate page's handler, the job's link signer and the progress reader.</summary>
    public static IServiceCollection AddSimulation(this IServiceCollection services)
    {
        services.AddScoped<StartSimulation.Handler>();
        services.AddSingleton<ITaskLinkIssuer, TaskLinkIssuer>();
        services.AddSingleton<SimulationProgress>();
        return services;
    }
}
