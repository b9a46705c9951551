using PainBias.Data;
using PainBias.Jobs;
using PainBias.Worker;
using Serilog;

Log.Logger = new LoggerConfiguration().WriteTo.Console().CreateBootstrapLogger();
try
{
    var builder = WebApplication.CreateBuilder(args);
    builder.Services.AddSerilog((services, logger) => logger
        .ReadFrom.Configuration(builder.Configuration).ReadFrom.Services(services).Enrich.FromLogContext()
        .WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}"),
        preserveStaticLogger: true);
    var database = builder.Services.AddPainBiasData(builder.Configuration);
    WorkerRequirements.EnsureSharedDatabase(database);
    builder.Services.AddPainBiasJobs(builder.Configuration, database);

    var app = builder.Build();
    await using (var scope = app.Services.CreateAsyncScope())
        await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().EnsureReachableAsync(app.Lifetime.ApplicationStopping);
    app.MapHealthChecks("/health");
    app.LogQueues();
    await app.RunAsync();
    return 0;
}
catch (Exception ex) when (ex is not HostAbortedException)
{
    Log.Fatal(ex, "PainBias worker stopped: {Message}", ex.Message);
    return 1;
}
finally
{
    await Log.CloseAndFlushAsync();
}

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
