using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.Storage.SQLite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PainBias.Data;
using PainBias.Imaging;
using PainBias.Imaging.Features;
using PainBias.Jobs.Crowd;
using PainBias.Jobs.Generation;
using PainBias.Jobs.Fairness;
using PainBias.Jobs.Housekeeping;
using PainBias.Jobs.Simulation;
using PainBias.Jobs.Quality;

namespace PainBias.Jobs;

public static class JobsServiceCollectionExtensions
{
    /// <summary>
    /// Imaging services, and Hangfire on persistent storage that follows the database: a SQLite file beside the embedded database, or
    /// the same PostgreSQL (schema "hangfire"). Servers are added per <see cref="JobsOptions"/>: one for the CPU
    /// queues and, when this process serves it, one sized for the GPUs on the gpu queue.
    /// </summary>
    public static IServiceCollection AddPainBiasJobs(this IServiceCollection services, IConfiguration configuration, ResolvedDatabase database,
        ImagingOptions? imaging = null)
    {
        // Jobs compose imaging: the decoder, the ONNX device (chosen once, logged at start) and the face detector.
        imaging ??= new ImagingOptions();
        // Where the ResNet18 files are, for hosts that keep them outside the output folder.
        if (configuration.GetSection("Imaging:ResNet18").Get<ResNet18Options>() is { } resNet18)
            imaging = imaging with { ResNet18 = resNet18 };
        services.AddImaging(imaging);
        services.AddHostedService<InferenceDeviceAnnouncement>();

        services.AddOptions<JobsOptions>().Bind(configuration.GetSection(JobsOptions.Section)).ValidateDataAnnotations()
            .Validate(o => o.Queues.All(Queues.All.Contains), $"Jobs:Queues may only name {string.Join(", ", Queues.All)}.")
            .ValidateOnStart();
        var options = configuration.GetSection(JobsOptions.Section).Get<JobsOptions>() ?? new JobsOptions();

        // The storage is this container's own singleton, handed to Hangfire's configuration, rather than the
        // process-wide JobStorage.Current that each AddHangfire overwrites: two hosts in one process (the test
        // suites start many) must not reach each other's databases. The servers' activators below, likewise.
        services.AddSingleton<JobStorage>(_ => CreateStorage(database));
        services.AddHangfire((provider, hangfire) => hangfire
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseStorage(provider.GetRequiredService<JobStorage>()));

        services.AddSingleton(TimeProvider.System);
        services.AddTransient<ExpireReservationsJob>();
        services.AddBotCrowd();
        services.AddMTurkHits(configuration);
        services.AddQualityChecks(configuration);
        services.AddVariantGeneration();
        services.AddFairnessJobs();
        services.AddHostedService<RecurringJobsRegistration>();

        if (options.RunServer)
        {
            var cpuQueues = options.EffectiveQueues.Where(q => q != Queues.Gpu).ToArray();
            if (cpuQueues.Length > 0)
            {
                services.AddHangfireServer((provider, server) =>
                {
                    server.Activator = OwnActivator(provider);
                    server.ServerName = $"{Environment.MachineName}:cpu";
                    server.Queues = cpuQueues;
                    server.WorkerCount = options.WorkerCount;
                });
            }
            if (options.EffectiveQueues.Contains(Queues.Gpu))
            {
                services.AddHangfireServer((provider, server) =>
                {
                    server.Activator = OwnActivator(provider);
                    server.ServerName = $"{Environment.MachineName}:gpu";
                    server.Queues = [Queues.Gpu];
                    server.WorkerCount = options.GpuWorkerCount;
                });
            }
        }
        return services;
    }

    // Jobs are built from this host's container; without it Hangfire falls back to the process-wide
    // JobActivator.Current, which the last host to configure Hangfire owns.
    private static AspNetCoreJobActivator OwnActivator(IServiceProvider provider) =>
        new(provider.GetRequiredService<IServiceScopeFactory>());

    private static JobStorage CreateStorage(ResolvedDatabase database)
    {
        if (database.Provider == DatabaseProvider.Postgres)
        {
            var options = new PostgreSqlStorageOptions { SchemaName = "hangfire", PrepareSchemaIfNecessary = true };
            return new PostgreSqlStorage(new NpgsqlConnectionFactory(database.ConnectionString, options), options);
        }

        Directory.CreateDirectory(database.DataDirectory);
        return new SQLiteStorage(Path.Combine(database.DataDirectory, "hangfire.db"), new SQLiteStorageOptions());
    }
}
