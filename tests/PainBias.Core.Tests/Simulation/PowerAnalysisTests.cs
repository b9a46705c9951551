using PainBias.Core.Simulation;

namespace PainBias.Core.Tests.Simulation;

public sealed class PowerAnalysisTests
{
    [Fact]
    public void Zero_bias_is_detected_at_about_the_nominal_false_positive_rate()
    {
        var result = PowerAnalysis.Run(new PowerOptions(Faces: 20, K: 2, RaceEffect: 0, AgeEffect: 0, Replications: 1000, Seed: 3));

        // The paired per-face test is exact under the null: 0.05 within four Monte Carlo errors of 1000 replications.
        var mcError = Math.Sqrt(0.05 * 0.95 / 1000);
        Assert.InRange(result.RacePaired.Power, 0.05 - 4 * mcError, 0.05 + 4 * mcError);
        Assert.InRange(result.AgePaired.Power, 0.05 - 4 * mcError, 0.05 + 4 * mcError);
        // The Welch test of Table 1 counts face effects as noise, so it is conservative, never liberal.
        Assert.True(result.RaceWelch.Power < 0.05 + 4 * mcError, $"Welch false-positive rate {result.RaceWelch.Power}");
        Assert.InRange(result.MeanRaceDifference, -0.05, 0.05);
    }

    [Fact]
    public void A_large_bias_is_detected_almost_always_and_power_grows_with_k()
    {
        var options = new PowerOptions(Faces: 20, K: 1, RaceEffect: -2.0, AgeEffect: 0.4, Replications: 200, Seed: 5);
        var curve = PowerAnalysis.Curve(options, [1, 3, 8]);

        Assert.Equal([1, 3, 8], curve.Select(c => c.Options.K));
        Assert.True(curve[^1].RacePaired.Power >= 0.99, $"power {curve[^1].RacePaired.Power}");
        Assert.True(curve[0].AgePaired.Power < curve[^1].AgePaired.Power, "age power must grow with k");
        Assert.InRange(curve[^1].MeanRaceDifference, -2.3, -1.7);
    }

    [Fact]
    public void The_same_seed_gives_the_same_answer_and_bad_options_are_named()
    {
        var options = new PowerOptions(Faces: 6, K: 2, RaceEffect: -1.1, AgeEffect: 0.4, Replications: 50, Seed: 9);
        Assert.Equal(PowerAnalysis.Run(options), PowerAnalysis.Run(options));

        var error = Assert.Throws<ArgumentException>(() => PowerAnalysis.Run(options with { Faces = 1, Replications = 5 }));
        Assert.Contains("faces must be at least 2", error.Message);
        Assert.Contains("replications must be 10..", error.Message);
    }

    [Fact]
    public void Calibration_gives_the_requested_pspi_effects_with_less_noise_than_the_reference()
    {
        var quiet = CrowdModel.Reference with { NoiseSd = 0.25, AssessorSd = 0.1 };
        var model = CrowdCalibration.Calibrate(quiet, -1.093, 0.373);

        var check = new CrowdSimulationOptions(400, [new PlatformDesign("X", 10, 0, "X_")], Seed: 99, BatchSize: 1);
        var (race, age) = CrowdCalibration.Effects(model, check);
        Assert.InRange(race, -1.093 - 0.06, -1.093 + 0.06);
        Assert.InRange(age, 0.373 - 0.06, 0.373 + 0.06);
        Assert.Equal(0.25, model.NoiseSd);
    }
}
