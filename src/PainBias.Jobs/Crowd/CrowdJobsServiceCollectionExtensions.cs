using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PainBias.Crowd.MTurk;

namespace PainBias.Jobs.Crowd;

public static class CrowdJobsServiceCollectionExtensions
{
    /// <summary>The MTurk client (section "MTurk") and the HIT lifecycle built on it: publishing, expiry, sync, bonuses.</summary>
    public static IServiceCollection AddMTurkHits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddMTurkClient(configuration.GetSection(MTurkOptions.SectionName));
        services.AddTransient<MTurkPublisher>();
        services.AddTransient<MTurkHitControl>();
        services.AddTransient<MTurkBonusLedger>();
        services.AddTransient<MTurkSyncJob>();
        return services;
    }
}
