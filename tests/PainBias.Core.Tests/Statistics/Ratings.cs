using PainBias.Core.Domain;
using PainBias.Core.Statistics;

namespace PainBias.Core.Tests.Statistics;

/// <summary>Builds small rating sets for degenerate-data tests.</summary>
public static class Ratings
{
    /// <summary>A rating whose PSPI equals <paramref name="pspi"/> (0..10, carried by AU4 and AU6).</summary>
    public static RatingObservation Of(string subject, string assessor, Condition condition, int pspi,
        Race race = Race.W, AgeGroup age = AgeGroup.Young, Gender gender = Gender.F, string platform = "AMT")
    {
        var au4 = Math.Min(pspi, 5);
        return new RatingObservation(platform, assessor, subject, gender, race, age, condition,
            condition.PerceivedRace(race), condition.PerceivedAge(age), AuRating.Create(au4, pspi - au4, 0, 0, 0, 0));
    }

    /// <summary>One subject rated in all four conditions by distinct assessors, with the given PSPI per condition.</summary>
    public static IEnumerable<RatingObservation> Face(string subject, string assessorPrefix, int original, int skin, int age, int skinAge,
        Race race = Race.W, AgeGroup ageGroup = AgeGroup.Young, Gender gender = Gender.F) =>
    [
        Of(subject, assessorPrefix + "1", Condition.Original, original, race, ageGroup, gender),
        Of(subject, assessorPrefix + "2", Condition.SkinTone, skin, race, ageGroup, gender),
        Of(subject, assessorPrefix + "3", Condition.Age, age, race, ageGroup, gender),
        Of(subject, assessorPrefix + "4", Condition.SkinToneAge, skinAge, race, ageGroup, gender),
    ];
}
