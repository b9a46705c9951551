using PainBias.Core.Domain;

namespace PainBias.Core.Simulation;

/// <summary>
/// Finds the scale of a model's per-AU race and age pattern that yields the requested PSPI effects. Rounding, clamping
/// and the max() in PSPI make the PSPI effect depend on the noise as well as on the latent shifts, so a model with less
/// noise than the reference needs its own scale. Bisection on large in-process simulations with one seed.
/// </summary>
public static class CrowdCalibration
{
    public static CrowdModel Calibrate(CrowdModel model, double raceEffect, double ageEffect, int seed = 1, int faces = 200, int k = 10)
    {
        var options = new CrowdSimulationOptions(faces, [new PlatformDesign("CAL", k, 0.0, "CAL_A")], seed, BatchSize: 1);
        var (race, age) = (raceEffect / CrowdModel.ReferenceRaceEffect, ageEffect / CrowdModel.ReferenceAgeEffect);
        // Race and age shift different AUs by different amounts; alternating a few times settles both.
        for (var round = 0; round < 3; round++)
        {
            race = Solve(s => Effects(Scaled(model, s, age), options).Race, raceEffect, Math.Sign(CrowdModel.ReferenceRaceEffect));
            age = Solve(s => Effects(Scaled(model, race, s), options).Age, ageEffect, Math.Sign(CrowdModel.ReferenceAgeEffect));
        }
        return Scaled(model, race, age);
    }

    /// <summary>Mean PSPI differences B − W and S − Y of a simulated study.</summary>
    public static (double Race, double Age) Effects(CrowdModel model, CrowdSimulationOptions options)
    {
        var rows = CrowdSimulator.Simulate(model, options).Select(r => r.Observation).ToList();
        double Diff(Func<Statistics.RatingObservation, bool> high) =>
            rows.Where(high).Average(r => r.Pspi) - rows.Where(r => !high(r)).Average(r => r.Pspi);
        return (Diff(r => r.PerceivedRace == Race.B), Diff(r => r.PerceivedAge == AgeGroup.Senior));
    }

    private static CrowdModel Scaled(CrowdModel model, double race, double age)
    {
        var r = CrowdModel.Reference;
        return model with
        {
            RaceEffects = r.RaceEffects.Scale(race), AgeEffects = r.AgeEffects.Scale(age),
            Au43RaceEffect = r.Au43RaceEffect * race, Au43AgeEffect = r.Au43AgeEffect * age,
        };
    }

    // |effect| grows with the scale; bisection over 0..8 times the reference pattern, turned round for an effect of the
    // opposite sign to the reference's.
    private static double Solve(Func<double, double> effect, double target, int referenceSign)
    {
        if (target == 0)
            return 0;
        var direction = Math.Sign(target) * referenceSign;
        var (low, high) = (0.0, 8.0);
        for (var i = 0; i < 20; i++)
        {
            var mid = (low + high) / 2;
            if (Math.Abs(effect(direction * mid)) < Math.Abs(target))
                low = mid;
            else
                high = mid;
        }
        return direction * (low + high) / 2;
    }
}
