using Hangfire;
using Hangfire.PostgreSql;
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

        services.AddHangfire(hangfire =>
        {
            hangfire.SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings();
            if (database.Provider == DatabaseProvider.Postgres)
            {
                hangfire.UsePostgreSqlStorage(pg => pg.UseNpgsqlConnection(database.ConnectionString),
                    new PostgreSqlStorageOptions { SchemaName = "hangfire", PrepareSchemaIfNecessary = true });
            }
            else
            {
                Directory.CreateDirectory(database.DataDirectory);
                hangfire.UseSQLiteStorage(Path.Combine(database.DataDirectory, "hangfire.db"), new SQLiteStorageOptions());
            }
        });

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
                services.AddHangfireServer((_, server) =>
                {
                    server.ServerName = $"{Environment.MachineName}:cpu";
                    server.Queues = cpuQueues;
                    server.WorkerCount = options.WorkerCount;
                });
            }
            if (options.EffectiveQueues.Contains(Queues.Gpu))
            {
                services.AddHangfireServer((_, server) =>
                {
                    server.ServerName = $"{Environment.MachineName}:gpu";
                    server.Queues = [Queues.Gpu];
                    server.WorkerCount = options.GpuWorkerCount;
                });
            }
        }
        return services;
    }
}
