using PainBias.Core.Domain;
using PainBias.Core.Statistics;
using PainBias.Core.Statistics.Sequential;

namespace PainBias.Web.Features.Dashboard;

/// <summary>What the dashboard shows: progress per platform, and the analyses of the platforms that have included ratings.</summary>
public sealed record DashboardView(
    Guid StudyId,
    string StudyName,
    DateTime ComputedAt,
    IReadOnlyList<PlatformProgress> Progress,
    IReadOnlyList<PlatformResults> Platforms,
    double? TargetHalfWidth)
{
    public PlatformResults? Platform(string name) => Platforms.FirstOrDefault(p => p.Platform == name);
}

/// <summary>Slots, exclusions and screening on one platform.</summary>
public sealed record PlatformProgress(
    Platform Platform,
    int RatingsPerVariant,
    int Target,
    int Filled,
    int Held,
    int Submitted,
    int VariantsComplete,
    int Variants,
    IReadOnlyList<SlotCount> ByCondition,
    IReadOnlyList<VariantSlots> ByVariant,
    IReadOnlyList<ExclusionCount> Exclusions,
    Rate Screening);

public sealed record SlotCount(Condition Condition, int Filled, int Held, int Target);

public sealed record VariantSlots(Guid VariantId, string Face, Condition Condition, int Filled, int Held, int Target);

/// <summary>Ratings carrying one exclusion reason (a rating may carry several).</summary>
public sealed record ExclusionCount(ExclusionReason Reason, int Count);

/// <summary>A share with its parts; undefined (null) when nothing was counted, with the reason.</summary>
public sealed record Rate(int Numerator, int Denominator, string EmptyReason)
{
    public double? Value => Denominator == 0 ? null : (double)Numerator / Denominator;
}

/// <summary>The analyses of one platform: All, Female and Male, and the check answers by condition.</summary>
public sealed record PlatformResults(string Platform, IReadOnlyList<SampleResults> Samples, IReadOnlyList<CheckRates> Checks)
{
    public SampleResults Sample(Sample sample) => Samples.Single(s => s.Sample == sample);
}

/// <summary>
/// Tables 1–4, paired comparisons, peeking-safe intervals and chart data of one platform × sample. Assessor counts, the
/// regression with cluster-robust SEs and the mixed model need every rating and are in the results export.
/// </summary>
public sealed record SampleResults(
    Sample Sample,
    int NRatings,
    int NFaces,
    BiasComparison Race,
    BiasComparison Age,
    CellRanking Cells,
    AuTests AuTests,
    PairedAnalysis Paired,
    ConfidenceSequenceResult RaceSequence,
    ConfidenceSequenceResult AgeSequence,
    IReadOnlyList<MeanInterval> ConditionMeans,
    IReadOnlyList<MeanInterval> CellMeans,
    IReadOnlyList<FaceDifference> RaceByFace,
    IReadOnlyList<FaceDifference> AgeByFace);

/// <summary>Manipulation-check and image-quality answers for one condition (included ratings).</summary>
public sealed record CheckRates(Condition Condition, int Ratings, Rate RaceAsIntended, Rate AgeAsIntended, Rate LooksEdited);
