using Hangfire;
using MudBlazor.Services;
using PainBias.Web.Features.AssessorTask;
using Serilog;

namespace PainBias.Web.Hosting;

public static class WebPipeline
{
    public static IServiceCollection AddPainBiasUi(this IServiceCollection services)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        return services;
    }

    public static WebApplication UsePainBiasPipeline(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
            app.UseExceptionHandler("/error", createScopeForErrors: true);
        app.UseSerilogRequestLogging(o => o.GetLevel = (http, _, ex) =>
            ex is not null || http.Response.StatusCode >= 500 ? Serilog.Events.LogEventLevel.Error
            : http.Request.Path.StartsWithSegments("/health") ? Serilog.Events.LogEventLevel.Verbose
            : Serilog.Events.LogEventLevel.Debug);
        app.UseStatusCodePagesWithReExecute("/not-found");
        app.UseTaskFraming();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapStaticAssets();
        return app;
    }

    /// <summary>The Hangfire dashboard, for admins only (the default local-requests filter is replaced by the policy).</summary>
    public static void MapJobsDashboard(this WebApplication app) =>
        app.MapHangfireDashboard("/jobs", new DashboardOptions { Authorization = [], DashboardTitle = "PainBias jobs" })
            .RequireAuthorization(IdentitySetup.AdminPolicy);
}
