using Microsoft.Extensions.DependencyInjection;

namespace PainBias.Jobs.Generation;

public static class GenerationServiceCollectionExtensions
{
    /// <summary>The variant generation job (gpu queue) and the service that records and queues a run.</summary>
    public static IServiceCollection AddVariantGeneration(this IServiceCollection services)
    {
        services.AddTransient<GenerateVariantsJob>();
        services.AddTransient<VariantGenerationQueue>();
        return services;
    }
}
