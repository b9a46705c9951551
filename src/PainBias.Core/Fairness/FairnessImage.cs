using PainBias.Core.Domain;

namespace PainBias.Core.Fairness;

/// <summary>
/// One variant as a fairness experiment sees it: which face it shows and how, the PSPI of its included
/// ratings, and its frozen image features.
/// </summary>
public sealed record FairnessImage(
    Guid VariantId,
    Guid FaceId,
    Condition Condition,
    Gender Gender,
    Race SourceRace,
    AgeGroup SourceAge,
    IReadOnlyList<double> Ratings,
    IReadOnlyList<double> Features)
{
    public Race PerceivedRace => Condition.PerceivedRace(SourceRace);

    public AgeGroup PerceivedAge => Condition.PerceivedAge(SourceAge);
}
