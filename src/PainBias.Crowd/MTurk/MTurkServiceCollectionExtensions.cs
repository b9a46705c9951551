using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PainBias.Crowd.MTurk;

public static class MTurkServiceCollectionExtensions
{
    /// <summary>Registers <see cref="IMTurkClient"/> bound to the given section (normally "MTurk"), validated at start.</summary>
    public static IServiceCollection AddMTurkClient(this IServiceCollection services, IConfiguration section)
    {
        services.AddOptions<MTurkOptions>().Bind(section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<MTurkOptions>, MTurkOptionsValidator>();
        services.AddSingleton(sp => new MTurkRequestPipeline(
            sp.GetRequiredService<IOptions<MTurkOptions>>().Value,
            sp.GetRequiredService<ILogger<MTurkRequestPipeline>>()));
        services.AddHttpClient<IMTurkClient, MTurkJsonClient>((http, sp) =>
        {
            http.Timeout = sp.GetRequiredService<IOptions<MTurkOptions>>().Value.RequestTimeout;
            return new MTurkJsonClient(http, sp.GetRequiredService<MTurkRequestPipeline>());
        });
        // Launches choose sandbox or live each; the factory serves both from the same settings.
        services.AddHttpClient(MTurkClientFactory.HttpClientName, (sp, http) =>
            http.Timeout = sp.GetRequiredService<IOptions<MTurkOptions>>().Value.RequestTimeout);
        services.AddSingleton<IMTurkClientFactory, MTurkClientFactory>();
        return services;
    }
}
