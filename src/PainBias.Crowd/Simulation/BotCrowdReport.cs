namespace PainBias.Crowd.Simulation;

/// <summary>How one bot's visit ended.</summary>
public enum BotOutcome { Completed, ScreenedOut, Declined, StudyFull, Error }

/// <summary>
/// A bot crowd's tally: how many bots finished and how, ratings stored, how many misbehaved on purpose, and errors by
/// kind (e.g. <c>http-500</c>, <c>unknown-variant</c>, <c>stuck</c>).
/// </summary>
public sealed record BotCrowdReport(
    int Assessors, int Finished, int Completed, int ScreenedOut, int Declined, int StudyFull, int Ratings,
    int Speeders, int AttentionFailures, IReadOnlyDictionary<string, int> Errors)
{
    public int ErrorCount => Errors.Values.Sum();
}

/// <summary>Thread-safe counts behind <see cref="BotCrowdReport"/>.</summary>
internal sealed class BotCrowdTally(int assessors)
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, int> errors = new(StringComparer.Ordinal);
    private int finished, completed, screenedOut, declined, full, ratings, speeders, attentionFailures;

    public BotCrowdReport Add(BotVisit visit)
    {
        lock (gate)
        {
            finished++;
            ratings += visit.Ratings;
            attentionFailures += visit.AttentionFailures;
            if (visit.Speeder) speeders++;
            switch (visit.Outcome)
            {
                case BotOutcome.Completed: completed++; break;
                case BotOutcome.ScreenedOut: screenedOut++; break;
                case BotOutcome.Declined: declined++; break;
                case BotOutcome.StudyFull: full++; break;
                default: errors[visit.Error ?? "unknown"] = errors.GetValueOrDefault(visit.Error ?? "unknown") + 1; break;
            }
            return Snapshot();
        }
    }

    public BotCrowdReport Snapshot()
    {
        lock (gate)
            return new BotCrowdReport(assessors, finished, completed, screenedOut, declined, full, ratings, speeders, attentionFailures,
                new SortedDictionary<string, int>(errors, StringComparer.Ordinal));
    }
}

/// <summary>What one bot did.</summary>
public sealed record BotVisit(BotOutcome Outcome, int Ratings, bool Speeder, int AttentionFailures, string? Error = null);
