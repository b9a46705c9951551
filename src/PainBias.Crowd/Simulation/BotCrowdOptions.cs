using PainBias.Core.Simulation;

namespace PainBias.Crowd.Simulation;

/// <summary>
/// How a bot crowd behaves. AU answers come from <see cref="Model"/> (race and age effects, face and assessor random
/// effects, noise); speeders click through at once with answers that ignore the face; an attention failure is a rating
/// given without reading (straight-lined AUs, the instructed answer missed).
/// </summary>
/// <param name="Concurrency">Bots in the task at the same time.</param>
/// <param name="Seed">Seeds every bot's own random stream and the face effects: the same seed gives the same crowd.</param>
/// <param name="RatingTime">How long an honest bot looks at a rating page before submitting; speeders do not wait.</param>
/// <param name="ManipulationCheckAccuracy">Chance that a bot names the race and the age group the variant shows.</param>
/// <param name="EditedNoticeRate">Chance that a bot says an edited image looks edited (originals: a tenth of that).</param>
public sealed record BotCrowdOptions(
    CrowdModel Model,
    int Seed,
    int Concurrency = 8,
    double SpeederShare = 0.0,
    double AttentionFailureShare = 0.0,
    TimeSpan RatingTime = default,
    double ManipulationCheckAccuracy = 0.95,
    double EditedNoticeRate = 0.2)
{
    public const int MaxConcurrency = 64;

    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (Concurrency is < 1 or > MaxConcurrency) problems.Add($"concurrency must be 1..{MaxConcurrency}; got {Concurrency}.");
        if (!IsShare(SpeederShare)) problems.Add($"speeder share must be within 0..1; got {SpeederShare}.");
        if (!IsShare(AttentionFailureShare)) problems.Add($"attention-failure share must be within 0..1; got {AttentionFailureShare}.");
        if (!IsShare(ManipulationCheckAccuracy)) problems.Add($"manipulation-check accuracy must be within 0..1; got {ManipulationCheckAccuracy}.");
        if (!IsShare(EditedNoticeRate)) problems.Add($"edited-notice rate must be within 0..1; got {EditedNoticeRate}.");
        if (RatingTime < TimeSpan.Zero || RatingTime > TimeSpan.FromMinutes(10)) problems.Add($"rating time must be 0..10 minutes; got {RatingTime}.");
        return problems;

        static bool IsShare(double value) => value is >= 0.0 and <= 1.0;
    }
}
