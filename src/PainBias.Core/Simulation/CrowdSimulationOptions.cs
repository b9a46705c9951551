namespace PainBias.Core.Simulation;

/// <summary>
/// Size and shape of a simulated study: how many source faces, which platforms with how many assessors
/// per variant, and what share of the crowd misbehaves.
/// </summary>
/// <param name="Subjects">Source faces; each gets the four variants.</param>
/// <param name="Platforms">Platforms in the study; a platform with k = 0 is left out.</param>
/// <param name="Seed">Seed of the one <see cref="Random"/> that draws everything.</param>
/// <param name="FemaleShare">Share of female subjects (the reference study: 66 of 100).</param>
/// <param name="BatchSize">Subjects per assessor batch: an assessor rates one variant of each face in one batch.</param>
/// <param name="SpeederShare">Share of assessors who click through: their AU values ignore the face.</param>
/// <param name="AttentionFailureShare">Share of ratings given without looking: one value for every AU.</param>
public sealed record CrowdSimulationOptions(
    int Subjects,
    IReadOnlyList<PlatformDesign> Platforms,
    int Seed,
    double FemaleShare = 0.66,
    int BatchSize = 10,
    double SpeederShare = 0.0,
    double AttentionFailureShare = 0.0)
{
    /// <summary>The reference study's platforms: MTurk (AMT) with k = 5 and Credamo with k = 3.</summary>
    public static IReadOnlyList<PlatformDesign> ReferencePlatforms(int kMTurk = 5, int kCredamo = 3) =>
    [
        new("AMT", kMTurk, 0.0, "AMT_A"),
        new("Credamo", kCredamo, -0.08, "CRD_A"),
    ];

    /// <summary>Every problem with the options, empty when they can be simulated.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (Subjects < 1) problems.Add($"subjects must be at least 1; got {Subjects}.");
        if (BatchSize < 1) problems.Add($"batch size must be at least 1; got {BatchSize}.");
        if (Platforms.Any(p => p.K < 0)) problems.Add("assessors per variant (k) cannot be negative.");
        if (Platforms.All(p => p.K == 0)) problems.Add("at least one platform needs k ≥ 1 assessors per variant.");
        if (Platforms.Select(p => p.Name).Distinct(StringComparer.Ordinal).Count() != Platforms.Count)
            problems.Add("platform names must be distinct.");
        if (Share(FemaleShare)) problems.Add($"female share must be within 0..1; got {FemaleShare}.");
        if (Share(SpeederShare)) problems.Add($"speeder share must be within 0..1; got {SpeederShare}.");
        if (Share(AttentionFailureShare)) problems.Add($"attention-failure share must be within 0..1; got {AttentionFailureShare}.");
        return problems;

        static bool Share(double value) => !(value is >= 0.0 and <= 1.0);
    }
}

/// <summary>One platform of a simulated study.</summary>
/// <param name="Name">Platform code written to the CSV (AMT, Credamo, …).</param>
/// <param name="K">Assessors per variant.</param>
/// <param name="Offset">Latent shift of every AU on this platform.</param>
/// <param name="AssessorPrefix">Prefix of the assessor ids, e.g. AMT_A0001.</param>
public sealed record PlatformDesign(string Name, int K, double Offset, string AssessorPrefix);
