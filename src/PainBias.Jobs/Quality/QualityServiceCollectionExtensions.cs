using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace PainBias.Jobs.Quality;

public static class QualityServiceCollectionExtensions
{
    /// <summary>The pair-check job and its "Quality" options (thresholds, model upload limit), validated at start.</summary>
    public static IServiceCollection AddQualityChecks(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<QualityOptions>().Bind(configuration.GetSection(QualityOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddTransient<QualityCheckJob>();
        return services;
    }
}
