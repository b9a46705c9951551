namespace PainBias.Crowd.Simulation;

/// <summary>
/// Runs a crowd of <see cref="BotAssessor"/>s through the real task, <see cref="BotCrowdOptions.Concurrency"/> at a
/// time, one entry link each, and tallies how their visits ended.
/// </summary>
public static class BotCrowd
{
    /// <param name="clients">A client for bot i (its own cookies, as separate browsers have).</param>
    /// <param name="links">One entry link per bot: a signed task link or an MTurk entry URL.</param>
    /// <param name="progress">Told after each bot finishes.</param>
    public static async Task<BotCrowdReport> RunAsync(Func<int, HttpClient> clients, IReadOnlyList<string> links, IBotPerception perception,
        BotCrowdOptions options, IProgress<BotCrowdReport>? progress = null, CancellationToken cancellationToken = default)
    {
        if (options.Problems() is { Count: > 0 } problems)
            throw new ArgumentException(string.Join(" ", problems), nameof(options));
        var tally = new BotCrowdTally(links.Count);
        var faces = new FaceEffects(options.Seed, options.Model.SubjectSd);
        await Parallel.ForEachAsync(Enumerable.Range(0, links.Count),
            new ParallelOptions { MaxDegreeOfParallelism = options.Concurrency, CancellationToken = cancellationToken },
            async (i, ct) =>
            {
                using var client = clients(i);
                var visit = await new BotAssessor(client, perception, options, faces, i).VisitAsync(links[i], ct);
                var report = tally.Add(visit);
                progress?.Report(report);
            });
        return tally.Snapshot();
    }
}
