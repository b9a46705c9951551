using PainBias.Crowd.MTurk;

namespace PainBias.Web.Features.Workers;

public static class WorkerAdministrationRegistration
{
    /// <summary>Worker administration; blocks and qualifications of MTurk workers go through <see cref="IMTurkClient"/>.</summary>
    public static IServiceCollection AddWorkerAdministration(this IServiceCollection services, IConfiguration configuration)
    {
        // The MTurk HIT feature registers the same client; whichever comes first does it once.
        if (!services.Any(d => d.ServiceType == typeof(IMTurkClient)))
            services.AddMTurkClient(configuration.GetSection(MTurkOptions.SectionName));
        services.AddScoped<WorkerQueries>();
        services.AddScoped<WorkerActions>();
        services.AddScoped<StudyExclusions>();
        return services;
    }
}
