using Microsoft.Extensions.DependencyInjection;

namespace PainBias.Jobs.Fairness;

public static class FairnessServiceCollectionExtensions
{
    /// <summary>The feature-extraction (gpu), experiment (default) and audit (gpu) jobs, and the handler that queues them.</summary>
    public static IServiceCollection AddFairnessJobs(this IServiceCollection services)
    {
        services.AddTransient<FeatureExtractionJob>();
        services.AddTransient<FairnessExperimentJob>();
        services.AddTransient<FairnessAuditJob>();
        services.AddTransient<FairnessJobs>();
        return services;
    }
}
