using Microsoft.Extensions.Options;
using PainBias.Data;
using PainBias.Jobs;

namespace PainBias.Worker;

public static class WorkerRequirements
{
    /// <summary>A worker only makes sense against the database the web nodes share; an embedded SQLite file is per process.</summary>
    public static void EnsureSharedDatabase(ResolvedDatabase database)
    {
        if (database.Provider != DatabaseProvider.Postgres)
            throw new InvalidOperationException(
                "PainBias.Worker pulls jobs from the PostgreSQL database that the web nodes share. Set ConnectionStrings__PainBias " +
                "to that database (e.g. \"Host=postgres;Database=painbias;Username=painbias;Password=...\"). " +
                "In embedded mode the web process runs the jobs itself and no worker is needed.");
    }

    public static void LogQueues(this WebApplication app)
    {
        var jobs = app.Services.GetRequiredService<IOptions<JobsOptions>>().Value;
        app.Lifetime.ApplicationStarted.Register(() => app.Logger.LogInformation(
            "PainBias worker serving queues {Queues} ({Workers} CPU workers, {GpuWorkers} GPU workers)",
            jobs.EffectiveQueues, jobs.WorkerCount, jobs.GpuWorkerCount));
    }
}
