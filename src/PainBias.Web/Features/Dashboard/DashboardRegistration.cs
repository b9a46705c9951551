using PainBias.Data.Events;

namespace PainBias.Web.Features.Dashboard;

public static class DashboardRegistration
{
    /// <summary>The dashboard's queries and exports, and this node's LISTEN loop for live updates.</summary>
    public static IServiceCollection AddDashboard(this IServiceCollection services)
    {
        services.AddScoped<DashboardQueries>();
        services.AddScoped<ResultsExport>();
        services.AddStudyChangeListener();
        return services;
    }
}
