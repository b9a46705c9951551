using PainBias.Core.Domain;

namespace PainBias.Core.Statistics.Sequential;

/// <summary>Peeking-safe race (B − W) and age (S − Y) differences in PSPI for ratings in arrival order.</summary>
public static class SequentialBias
{
    public static (ConfidenceSequenceResult Race, ConfidenceSequenceResult Age) Analyze(
        IEnumerable<RatingObservation> ratingsInArrivalOrder, SequentialOptions options)
    {
        var race = new DifferenceConfidenceSequence("B", "W", options);
        var age = new DifferenceConfidenceSequence("S", "Y", options);
        foreach (var r in ratingsInArrivalOrder)
        {
            if (r.PerceivedRace == Race.B) race.AddX(r.Pspi); else race.AddY(r.Pspi);
            if (r.PerceivedAge == AgeGroup.Senior) age.AddX(r.Pspi); else age.AddY(r.Pspi);
        }
        return (race.Current(), age.Current());
    }
}
