namespace PainBias.Core.Simulation;

/// <summary>
/// How often one bias was detected. <see cref="Power"/> is the share of replications with a two-sided p below alpha
/// (the false-positive rate when the injected bias is zero); <see cref="MonteCarloError"/> is its binomial standard
/// error, √(p(1 − p)/R).
/// </summary>
public sealed record DetectionRate(int Detected, int Replications)
{
    public double Power => (double)Detected / Replications;

    public double MonteCarloError => Math.Sqrt(Power * (1 - Power) / Replications);
}

/// <summary>Power for the race and the age bias by two tests, and the mean estimated differences.</summary>
/// <param name="RacePaired">Paired t-test of per-face means, B- vs W-perceived (face effects cancel).</param>
/// <param name="RaceWelch">Welch t-test of the ratings, as in Table 1 of the reference study (ignores the pairing).</param>
/// <param name="MeanRaceDifference">Mean over replications of the estimated B − W difference.</param>
public sealed record PowerResult(
    PowerOptions Options,
    DetectionRate RacePaired,
    DetectionRate RaceWelch,
    DetectionRate AgePaired,
    DetectionRate AgeWelch,
    double MeanRaceDifference,
    double MeanAgeDifference);
