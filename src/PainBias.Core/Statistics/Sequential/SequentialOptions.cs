namespace PainBias.Core.Statistics.Sequential;

/// <summary>Settings of a peeking-safe interval.</summary>
/// <param name="Alpha">Error rate over the whole sequence of looks (0.05: 95% time-uniform coverage).</param>
/// <param name="TargetSampleSize">Total ratings (both groups) at which the boundary is made tightest.</param>
/// <param name="TargetHalfWidth">Precision at which the study may stop; null for no stopping rule.</param>
public sealed record SequentialOptions(double Alpha = 0.05, int TargetSampleSize = 1000, double? TargetHalfWidth = null)
{
    public double Rho => AsymptoticConfidenceSequence.Rho(Alpha, TargetSampleSize);
}
