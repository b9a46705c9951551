namespace PainBias.Core.Fairness;

/// <summary>Percentile bootstrap over source faces.</summary>
public sealed record BootstrapOptions(int Resamples = 2000, double Level = 0.95, ulong Seed = 1)
{
    public void Validate()
    {
        if (Resamples < 100) throw new ArgumentOutOfRangeException(nameof(Resamples), Resamples, "Use at least 100 bootstrap resamples.");
        if (!(Level > 0 && Level < 1)) throw new ArgumentOutOfRangeException(nameof(Level), Level, "The confidence level is between 0 and 1.");
    }
}
