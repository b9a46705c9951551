using PainBias.Data;
using PainBias.Jobs;
using PainBias.Web.Components;
using PainBias.Web.Features;
using PainBias.Web.Hosting;
using Serilog;

Log.Logger = SerilogSetup.CreateBootstrapLogger();
try
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddPainBiasLogging();
    var database = builder.Services.AddPainBiasData(builder.Configuration);
    builder.Services.AddPainBiasJobs(builder.Configuration, database, builder.Configuration.ImagingForUploads());
    builder.Services.AddPainBiasIdentity();
    builder.Services.AddPainBiasFeatures(builder.Configuration);
    builder.Services.AddPainBiasUi();

    var app = builder.Build();
    if (await app.RunCommandLineVerbAsync(args))
        return 0;
    await app.PrepareDatabaseAsync();

    app.UsePainBiasPipeline();
    app.MapHealthChecks("/health");
    app.MapJobsDashboard();
    app.MapFeatureEndpoints();
    // Framing is decided per path by UseTaskFraming (MTurk may frame the task); Blazor's own 'self'-only header would override it.
    app.MapRazorComponents<App>().AddInteractiveServerRenderMode(o => o.ContentSecurityFrameAncestorsPolicy = null);
    app.AnnounceStartup();

    await app.RunAsync();
    return 0;
}
catch (Exception ex) when (ex is not HostAbortedException)
{
    Log.Fatal(ex, "PainBias web host stopped: {Message}", ex.Message);
    return 1;
}
finally
{
    await Log.CloseAndFlushAsync();
}

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
