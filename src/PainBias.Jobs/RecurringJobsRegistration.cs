using Hangfire;
using Microsoft.Extensions.Hosting;
using PainBias.Jobs.Crowd;
using PainBias.Jobs.Housekeeping;

namespace PainBias.Jobs;

/// <summary>Registers recurring jobs with explicit ids at start; re-registering is idempotent.</summary>
internal sealed class RecurringJobsRegistration(IRecurringJobManager recurring) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        recurring.AddOrUpdate<ExpireReservationsJob>(ExpireReservationsJob.RecurringId,
            Queues.Default, job => job.RunAsync(CancellationToken.None), Cron.Minutely());
        recurring.AddOrUpdate<MTurkSyncJob>(MTurkSyncJob.RecurringId,
            Queues.Crowd, job => job.RunAsync(CancellationToken.None), "*/5 * * * *");
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
