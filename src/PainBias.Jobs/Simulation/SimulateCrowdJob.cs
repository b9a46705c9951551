using Hangfire;
using Hangfire.Server;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PainBias.Core.Simulation;
using PainBias.Crowd.Simulation;
using PainBias.Data;

namespace PainBias.Jobs.Simulation;

/// <summary>
/// Sends a bot crowd through the task of a simulation study (a copy of a real study made for this run, so simulated
/// ratings never sit beside real ones). Reports progress as the job parameter <see cref="ProgressParameter"/>.
/// A rerun sends the crowd again: slots already filled stay filled and late bots end as "study full".
/// </summary>
public sealed class SimulateCrowdJob(
    IDbContextFactory<PainBiasDbContext> contexts, IServiceProvider services, ILogger<SimulateCrowdJob> logger)
{
    public const string ProgressParameter = "simulation-progress";

    [Queue(Queues.Default)]
    [AutomaticRetry(Attempts = 0)]
    public async Task RunAsync(Guid simulationStudyId, SimulationRequest request, PerformContext? context, CancellationToken cancellationToken)
    {
        var issuer = services.GetService<ITaskLinkIssuer>()
            ?? throw new InvalidOperationException("This node cannot sign task links: run the default queue on a web node for simulations.");
        var links = Enumerable.Range(0, request.Assessors).Select(_ => issuer.NewDirectLink(simulationStudyId, request.BaseUrl)).ToList();
        var progress = new ThrottledProgress(report => context?.SetJobParameter(ProgressParameter, report));
        var final = await RunCrowdAsync(simulationStudyId, request, links, _ => BotBrowser(), progress, cancellationToken);
        context?.SetJobParameter(ProgressParameter, final);
        logger.LogInformation("Simulated crowd on study {StudyId}: {Completed} completed, {ScreenedOut} screened out, {Errors} errors",
            simulationStudyId, final.Completed, final.ScreenedOut, final.ErrorCount);
    }

    /// <summary>
    /// A client per bot, with its own cookies as a separate browser has (the task keeps a session to the browser that
    /// entered it); disposed with the bot, connections and all.
    /// </summary>
    private static HttpClient BotBrowser() => new(new SocketsHttpHandler
    {
        UseCookies = true, CookieContainer = new System.Net.CookieContainer(), AllowAutoRedirect = true,
    }, disposeHandler: true);

    /// <summary>The crowd itself, with the caller's HTTP clients (tests pass the in-process server's).</summary>
    public async Task<BotCrowdReport> RunCrowdAsync(Guid simulationStudyId, SimulationRequest request, IReadOnlyList<string> links,
        Func<int, HttpClient> clients, IProgress<BotCrowdReport>? progress, CancellationToken cancellationToken)
    {
        if (request.Problems() is { Count: > 0 } problems)
            throw new ArgumentException(string.Join(" ", problems), nameof(request));
        TablePerception perception;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
            perception = await StudyPerception.LoadAsync(db, simulationStudyId, cancellationToken);
        var model = PowerAnalysis.WithEffects(
            CrowdModel.Reference with { NoiseSd = request.NoiseSd, SubjectSd = request.FaceSd, AssessorSd = request.AssessorSd },
            request.RaceEffect, request.AgeEffect);
        var options = new BotCrowdOptions(model, request.Seed, request.Concurrency, request.SpeederShare, request.AttentionFailureShare,
            TimeSpan.FromSeconds(request.WaitSeconds));
        return await BotCrowd.RunAsync(clients, links, perception, options, progress, cancellationToken);
    }

    /// <summary>
    /// Writes at most one report a second, synchronously and one at a time (the job's storage connection is not shared
    /// safely), so no late write can overwrite the final tally.
    /// </summary>
    private sealed class ThrottledProgress(Action<BotCrowdReport> write) : IProgress<BotCrowdReport>
    {
        private readonly Lock gate = new();
        private DateTime last = DateTime.MinValue;

        public void Report(BotCrowdReport value)
        {
            lock (gate)
            {
                if (DateTime.UtcNow - last < TimeSpan.FromSeconds(1))
                    return;
                last = DateTime.UtcNow;
                write(value);
            }
        }
    }
}
