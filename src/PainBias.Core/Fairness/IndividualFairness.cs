namespace PainBias.Core.Fairness;

/// <summary>
/// Mean |prediction(image) − prediction(counterpart)| over every counterpart pair of one type, with a face
/// bootstrap interval; undefined (with the reason) when the data hold no such pair.
/// </summary>
public sealed record IndividualFairness(PairType Pair, double? Value, double? Lower, double? Upper, int Pairs, int Faces, string? Undefined)
{
    /// <summary>PSPI runs from 0 to 16; the reference study prints individual fairness as a percentage of that range.</summary>
    public const double PspiRange = 16.0;

    public double? ValuePercent => Value * 100 / PspiRange;

    public double? LowerPercent => Lower * 100 / PspiRange;

    public double? UpperPercent => Upper * 100 / PspiRange;
}
