using PainBias.Core.Domain;

namespace PainBias.Core.Statistics;

/// <summary>The subsamples every platform is analysed in; gender belongs to the source face.</summary>
public enum Sample { All, Female, Male }

public static class SampleExtensions
{
    public static readonly IReadOnlyList<Sample> All = [Sample.All, Sample.Female, Sample.Male];

    public static bool Includes(this Sample sample, Gender gender) => sample switch
    {
        Sample.Female => gender == Gender.F,
        Sample.Male => gender == Gender.M,
        _ => true,
    };
}
