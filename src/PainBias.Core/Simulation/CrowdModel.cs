namespace PainBias.Core.Simulation;

/// <summary>
/// The generative model of one simulated rating, after the reference simulator (simulate.R): for each
/// graded AU, <c>round(mean + race effect·isBlackPerceived + age effect·isSeniorPerceived + platform offset
/// + subject effect + assessor effect + noise)</c> clamped to 0..5; AU43 is a logistic draw on the same
/// random effects. Kept as data so the web app's bot crowd can rate with the same model.
/// </summary>
/// <param name="Means">Latent mean of each graded AU for a white, young-perceived face.</param>
/// <param name="RaceEffects">Latent shift per AU for black-perceived faces (B − W).</param>
/// <param name="AgeEffects">Latent shift per AU for senior-perceived faces (S − Y).</param>
/// <param name="NoiseSd">SD of the per-rating noise.</param>
/// <param name="Au43Intercept">Logit of P(eyes closed) for a white, young-perceived face.</param>
/// <param name="Au43RaceEffect">Logit shift for black-perceived faces.</param>
/// <param name="Au43AgeEffect">Logit shift for senior-perceived faces.</param>
/// <param name="Au43RandomEffectLoading">How strongly the subject and assessor effects move AU43's logit.</param>
/// <param name="SubjectSd">SD of the subject (source face) random effect, shared across platforms.</param>
/// <param name="AssessorSd">SD of the assessor random effect.</param>
public sealed record CrowdModel(
    AuValues Means,
    AuValues RaceEffects,
    AuValues AgeEffects,
    double NoiseSd,
    double Au43Intercept,
    double Au43RaceEffect,
    double Au43AgeEffect,
    double Au43RandomEffectLoading,
    double SubjectSd,
    double AssessorSd)
{
    /// <summary>PSPI effect of the reference parameters (calibrated in simulate.R by a large simulation).</summary>
    public const double ReferenceRaceEffect = -1.1;

    /// <inheritdoc cref="ReferenceRaceEffect"/>
    public const double ReferenceAgeEffect = 0.4;

    /// <summary>
    /// simulate.R's PARAMS: white-perceived faces score about 11 PSPI, black-perceived about 1.1 lower
    /// (lower on AU4/AU7/AU9, higher on AU6/AU10), senior-perceived about 0.4 higher.
    /// </summary>
    public static readonly CrowdModel Reference = new(
        Means: new(3.50, 2.90, 3.10, 2.80, 2.50),
        RaceEffects: new(-0.78, 0.20, -0.62, -0.60, 0.20),
        AgeEffects: new(0.14, 0.14, 0.14, 0.14, 0.14),
        NoiseSd: 0.9,
        Au43Intercept: 0.9,
        Au43RaceEffect: -0.3,
        Au43AgeEffect: 0.1,
        Au43RandomEffectLoading: 0.8,
        SubjectSd: 0.45,
        AssessorSd: 0.55);

    /// <summary>
    /// The reference model with its race and age effects rescaled to the requested PSPI effects. The
    /// per-AU pattern (which AUs move which way) stays the reference one; only its size changes. Rounding,
    /// clamping and the max() in PSPI make the PSPI effect only approximately linear in this scale, which
    /// is exact at the reference values and at zero.
    /// </summary>
    public static CrowdModel WithPspiEffects(double raceEffect, double ageEffect)
    {
        var race = raceEffect / ReferenceRaceEffect;
        var age = ageEffect / ReferenceAgeEffect;
        var r = Reference;
        return r with
        {
            RaceEffects = r.RaceEffects.Scale(race),
            AgeEffects = r.AgeEffects.Scale(age),
            Au43RaceEffect = r.Au43RaceEffect * race,
            Au43AgeEffect = r.Au43AgeEffect * age,
        };
    }
}
