namespace PainBias.Web.Features.Crowd;

public static class CrowdFeatureRegistration
{
    /// <summary>The researcher's MTurk page; the client and jobs it drives come from AddPainBiasJobs.</summary>
    public static IServiceCollection AddCrowdFeature(this IServiceCollection services)
    {
        services.AddScoped<SaveMTurkLaunch.Handler>();
        services.AddScoped<PublishMTurkLaunch.Handler>();
        services.AddScoped<MTurkLaunchActions>();
        services.AddScoped<MTurkLaunchQueries>();
        return services;
    }
}
