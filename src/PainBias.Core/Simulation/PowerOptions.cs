namespace PainBias.Core.Simulation;

/// <summary>
/// One power question: with this many faces and k ratings per variant on one platform, how often does a study detect
/// the injected PSPI biases at level <see cref="Alpha"/>?
/// </summary>
/// <param name="Faces">Source faces; each has the four variants.</param>
/// <param name="K">Ratings per variant.</param>
/// <param name="RaceEffect">Injected PSPI bias, black- minus white-perceived (the reference study: about −1.1).</param>
/// <param name="AgeEffect">Injected PSPI bias, senior- minus young-perceived (the reference study: about +0.4).</param>
/// <param name="Replications">Simulated studies; the Monte Carlo error shrinks with their square root.</param>
/// <param name="Seed">Seed of replication 0; replication r uses a seed derived from this and r.</param>
/// <param name="Alpha">Two-sided significance level.</param>
/// <param name="ImagesPerAssessor">Faces one assessor rates (never two variants of one face).</param>
/// <param name="SpeederShare">Share of assessors whose answers ignore the face.</param>
/// <param name="AttentionFailureShare">Share of ratings straight-lined without looking.</param>
public sealed record PowerOptions(
    int Faces,
    int K,
    double RaceEffect,
    double AgeEffect,
    int Replications = 500,
    int Seed = 1,
    double Alpha = 0.05,
    int ImagesPerAssessor = 1,
    double SpeederShare = 0.0,
    double AttentionFailureShare = 0.0)
{
    public const int MaxReplications = 5000;

    /// <summary>A cap on simulated ratings per question (replications × 4 × faces × k), so a page cannot stall the server.</summary>
    public const long MaxTotalRatings = 20_000_000;

    /// <summary>Every problem with the options, empty when they can be run.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (Faces < 2) problems.Add($"faces must be at least 2 (a paired test needs two); got {Faces}.");
        if (K < 1) problems.Add($"ratings per variant (k) must be at least 1; got {K}.");
        if (Replications is < 10 or > MaxReplications) problems.Add($"replications must be 10..{MaxReplications}; got {Replications}.");
        if (!(Alpha is > 0 and < 1)) problems.Add($"alpha must be between 0 and 1; got {Alpha}.");
        if (ImagesPerAssessor is < 1 or > 4) problems.Add($"images per assessor must be 1..4; got {ImagesPerAssessor}.");
        if (!double.IsFinite(RaceEffect) || Math.Abs(RaceEffect) > 10) problems.Add($"race effect must be within ±10 PSPI; got {RaceEffect}.");
        if (!double.IsFinite(AgeEffect) || Math.Abs(AgeEffect) > 10) problems.Add($"age effect must be within ±10 PSPI; got {AgeEffect}.");
        if (!(SpeederShare is >= 0 and <= 1)) problems.Add($"speeder share must be within 0..1; got {SpeederShare}.");
        if (!(AttentionFailureShare is >= 0 and <= 1)) problems.Add($"attention-failure share must be within 0..1; got {AttentionFailureShare}.");
        if (problems.Count == 0 && (long)Replications * 4 * Faces * K > MaxTotalRatings)
            problems.Add($"replications × 4 × faces × k is {(long)Replications * 4 * Faces * K:N0} ratings; at most {MaxTotalRatings:N0} per question.");
        return problems;
    }
}
