using PainBias.Web.Features.Audit;
using PainBias.Web.Features.ParticipantLinks;

namespace PainBias.Web.Features.Credamo;

public static class CredamoRegistration
{
    /// <summary>The Credamo bridge, the single-use participant links it shares with direct links, and the audit log.</summary>
    public static IServiceCollection AddCredamoBridge(this IServiceCollection services)
    {
        services.AddScoped<IssueParticipantLinks.Handler>();
        services.AddScoped<LinkClaims>();
        services.AddScoped<ImportCredamoResults.Handler>();
        services.AddScoped<CredamoQueries>();
        services.AddScoped<AuditQueries>();
        return services;
    }

    public static IEndpointRouteBuilder MapCredamoBridge(this IEndpointRouteBuilder app)
    {
        app.MapParticipantLinkEndpoints();
        app.MapCredamoEndpoints();
        return app;
    }
}
