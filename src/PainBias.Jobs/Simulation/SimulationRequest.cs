namespace PainBias.Jobs.Simulation;

/// <summary>What a researcher asked for on the simulate page; a Hangfire job argument, so plain values only.</summary>
/// <param name="BaseUrl">Where the bots reach the task (the web node that took the request).</param>
/// <param name="RaceEffect">Injected PSPI bias B − W.</param>
/// <param name="AgeEffect">Injected PSPI bias S − Y.</param>
/// <param name="WaitSeconds">How long an honest bot spends on a rating page (the study's minimum plus a second); speeders do not wait.</param>
public sealed record SimulationRequest(
    string BaseUrl, int Assessors, int Concurrency, int Seed, double RaceEffect, double AgeEffect,
    double NoiseSd, double FaceSd, double AssessorSd, double SpeederShare, double AttentionFailureShare, int WaitSeconds)
{
    public const int MaxAssessors = 2000;

    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (!Uri.TryCreate(BaseUrl, UriKind.Absolute, out _)) problems.Add($"base URL must be absolute; got '{BaseUrl}'.");
        if (Assessors is < 1 or > MaxAssessors) problems.Add($"assessors must be 1..{MaxAssessors}; got {Assessors}.");
        if (!double.IsFinite(RaceEffect) || Math.Abs(RaceEffect) > 10) problems.Add($"race effect must be within ±10 PSPI; got {RaceEffect}.");
        if (!double.IsFinite(AgeEffect) || Math.Abs(AgeEffect) > 10) problems.Add($"age effect must be within ±10 PSPI; got {AgeEffect}.");
        if (NoiseSd is < 0 or > 5 || FaceSd is < 0 or > 5 || AssessorSd is < 0 or > 5) problems.Add("noise, face and assessor SDs must be within 0..5.");
        if (WaitSeconds is < 0 or > 600) problems.Add($"wait must be 0..600 s; got {WaitSeconds}.");
        return problems;
    }
}
