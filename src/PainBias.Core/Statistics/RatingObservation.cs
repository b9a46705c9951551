using PainBias.Core.Domain;

namespace PainBias.Core.Statistics;

/// <summary>
/// One included rating as the statistics engine sees it: who rated which face in which condition,
/// what race and age group the variant is meant to show, and the AU values (PSPI follows from them).
/// </summary>
public sealed record RatingObservation(
    string Platform,
    string AssessorId,
    string SubjectId,
    Gender Gender,
    Race OriginalRace,
    AgeGroup OriginalAge,
    Condition Condition,
    Race PerceivedRace,
    AgeGroup PerceivedAge,
    AuRating Rating)
{
    public int Pspi => Rating.Pspi;
}
