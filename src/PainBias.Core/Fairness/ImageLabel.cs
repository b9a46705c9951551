namespace PainBias.Core.Fairness;

/// <summary>A training label and the included ratings behind it (own and, for Average, the counterpart's).</summary>
public sealed record ImageLabel(Guid VariantId, double Value, int OwnRatings, int CounterpartRatings)
{
    public int Ratings => OwnRatings + CounterpartRatings;
}
