using PainBias.Core.Domain;
using PainBias.Core.Statistics;

namespace PainBias.Core.Simulation;

/// <summary>
/// Monte Carlo power: simulates whole studies with <see cref="CrowdSimulator"/> (the model the bot crowd rates with)
/// and counts how often each test finds the injected bias. Deterministic for a seed.
/// </summary>
public static class PowerAnalysis
{
    public static PowerResult Run(PowerOptions options, CrowdModel? baseModel = null, CancellationToken cancellationToken = default)
    {
        if (options.Problems() is { Count: > 0 } problems)
            throw new ArgumentException(string.Join(" ", problems), nameof(options));
        var model = WithEffects(baseModel ?? CrowdModel.Reference, options.RaceEffect, options.AgeEffect);
        var platform = new PlatformDesign("SIM", options.K, 0.0, "SIM_A");
        int racePaired = 0, raceWelch = 0, agePaired = 0, ageWelch = 0;
        double raceSum = 0, ageSum = 0;
        for (var r = 0; r < options.Replications; r++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var ratings = CrowdSimulator.Simulate(model, new CrowdSimulationOptions(options.Faces, [platform], ReplicationSeed(options.Seed, r),
                BatchSize: options.ImagesPerAssessor, SpeederShare: options.SpeederShare, AttentionFailureShare: options.AttentionFailureShare));
            var rows = ratings.Select(x => x.Observation).ToList();
            var race = Test(rows, o => o.PerceivedRace == Race.B, options.Alpha);
            var age = Test(rows, o => o.PerceivedAge == AgeGroup.Senior, options.Alpha);
            (racePaired, raceWelch, raceSum) = (racePaired + race.Paired, raceWelch + race.Welch, raceSum + race.Difference);
            (agePaired, ageWelch, ageSum) = (agePaired + age.Paired, ageWelch + age.Welch, ageSum + age.Difference);
        }
        var n = options.Replications;
        return new PowerResult(options, new(racePaired, n), new(raceWelch, n), new(agePaired, n), new(ageWelch, n), raceSum / n, ageSum / n);
    }

    /// <summary>The same question for several k, with the same seeds (common random numbers make the curve smooth).</summary>
    public static IReadOnlyList<PowerResult> Curve(PowerOptions options, IEnumerable<int> ks, CrowdModel? baseModel = null,
        CancellationToken cancellationToken = default) =>
        ks.Distinct().Order().Select(k => Run(options with { K = k }, baseModel, cancellationToken)).ToList();

    /// <summary>The base model with its race and age pattern rescaled to the requested PSPI effects.</summary>
    public static CrowdModel WithEffects(CrowdModel baseModel, double raceEffect, double ageEffect)
    {
        var scaled = CrowdModel.WithPspiEffects(raceEffect, ageEffect);
        return baseModel with
        {
            RaceEffects = scaled.RaceEffects, AgeEffects = scaled.AgeEffects,
            Au43RaceEffect = scaled.Au43RaceEffect, Au43AgeEffect = scaled.Au43AgeEffect,
        };
    }

    // Replications get well-spread seeds; unchecked so large seeds wrap instead of throwing.
    private static int ReplicationSeed(int seed, int replication) => unchecked(seed * 1_000_003 + replication * 7_919);

    private static (int Paired, int Welch, double Difference) Test(List<RatingObservation> rows, Func<RatingObservation, bool> isHigh, double alpha)
    {
        var high = new List<double>();
        var low = new List<double>();
        foreach (var row in rows)
            (isHigh(row) ? high : low).Add(row.Pspi);
        var perFace = rows.GroupBy(r => r.SubjectId, StringComparer.Ordinal)
            .Select(g => (High: MeanOf(g.Where(isHigh)), Low: MeanOf(g.Where(r => !isHigh(r)))))
            .Where(p => p.High is not null && p.Low is not null)
            .ToList();
        var paired = TTests.Paired(perFace.Select(p => p.High!.Value).ToList(), perFace.Select(p => p.Low!.Value).ToList());
        var welch = TTests.Welch(high, low);
        var difference = high.Count > 0 && low.Count > 0 ? high.Average() - low.Average() : 0.0;
        // An undefined test (e.g. every rating identical) detects nothing.
        return (paired.PTwoSided < alpha ? 1 : 0, welch.PTwoSided < alpha ? 1 : 0, difference);
    }

    private static double? MeanOf(IEnumerable<RatingObservation> rows)
    {
        var values = rows.Select(r => (double)r.Pspi).ToList();
        return values.Count == 0 ? null : values.Average();
    }
}
