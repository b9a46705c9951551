using PainBias.Core.Domain;

namespace PainBias.Core.Simulation;

/// <summary>
/// Draws one simulated rating from a <see cref="CrowdModel"/>: the same draws for the in-process simulator, the
/// power analysis and the HTTP bot crowd, so all three rate with one model.
/// </summary>
public static class RatingDraw
{
    /// <summary>
    /// A rating of a face perceived as <paramref name="race"/> and <paramref name="age"/>; <paramref name="sharedEffect"/>
    /// is the sum of the face's, the assessor's and the platform's latent shifts.
    /// </summary>
    public static AuRating Model(Random random, CrowdModel model, Race race, AgeGroup age, double sharedEffect)
    {
        var isB = race == Race.B ? 1.0 : 0.0;
        var isS = age == AgeGroup.Senior ? 1.0 : 0.0;
        var (means, raceEffects, ageEffects) = (model.Means.InOrder, model.RaceEffects.InOrder, model.AgeEffects.InOrder);
        var graded = new int[5];
        for (var j = 0; j < graded.Length; j++)
        {
            var latent = means[j] + raceEffects[j] * isB + ageEffects[j] * isS + sharedEffect + Normal(random) * model.NoiseSd;
            // R's round() rounds halves to even, as Math.Round does by default.
            graded[j] = Math.Clamp((int)Math.Round(latent), 0, 5);
        }
        var eta = model.Au43Intercept + model.Au43RaceEffect * isB + model.Au43AgeEffect * isS
            + model.Au43RandomEffectLoading * sharedEffect;
        var au43 = random.NextDouble() < 1.0 / (1.0 + Math.Exp(-eta)) ? 1 : 0;
        return AuRating.Create(graded[0], graded[1], graded[2], graded[3], graded[4], au43);
    }

    /// <summary>A speeder's answers: they do not depend on the face at all.</summary>
    public static AuRating Random(Random random) =>
        AuRating.Create(random.Next(6), random.Next(6), random.Next(6), random.Next(6), random.Next(6), random.Next(2));

    /// <summary>An inattentive rating gives every graded AU the same value (straight-lining).</summary>
    public static AuRating StraightLine(Random random)
    {
        var v = random.Next(6);
        return AuRating.Create(v, v, v, v, v, random.Next(2));
    }

    /// <summary>A standard normal draw (Box–Muller); 1 − u keeps the logarithm finite.</summary>
    public static double Normal(Random random)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
