using Serilog;
using Serilog.Events;

namespace PainBias.Web.Hosting;

public static class SerilogSetup
{
    /// <summary>Logs start-up failures (bad configuration, unreachable database) before the host's logger exists.</summary>
    public static Serilog.ILogger CreateBootstrapLogger() => new LoggerConfiguration()
        .MinimumLevel.Override("Microsoft", LogEventLevel.Warning)
        .WriteTo.Console()
        .CreateBootstrapLogger();

    /// <summary>Structured console logging, levels from the "Serilog" section; JSON lines when Logging:Json is true.</summary>
    public static void AddPainBiasLogging(this WebApplicationBuilder builder)
    {
        builder.Services.AddSerilog((services, logger) =>
        {
            logger.ReadFrom.Configuration(builder.Configuration).ReadFrom.Services(services).Enrich.FromLogContext();
            if (builder.Configuration.GetValue<bool>("Logging:Json"))
                logger.WriteTo.Console(new Serilog.Formatting.Compact.CompactJsonFormatter());
            else
                logger.WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}");
        }, preserveStaticLogger: true); // the static logger stays the bootstrap one, so several hosts can share a process (tests)
    }
}
