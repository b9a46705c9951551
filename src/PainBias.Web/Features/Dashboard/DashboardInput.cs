using PainBias.Core.Domain;
using PainBias.Core.Statistics;

namespace PainBias.Web.Features.Dashboard;

/// <summary>One variant with its source face's metadata, as the dashboard reads it.</summary>
public sealed record DashboardVariant(Guid Id, Guid FaceId, string FaceLabel, Gender Gender, Race Race, AgeGroup AgeGroup, Condition Condition);

/// <summary>One stored rating (included or not) with its check answers.</summary>
public sealed record DashboardRating(
    Guid VariantId, Guid WorkerId, Platform Platform, AuRating Rating, Race? RaceAnswer, AgeGroup? AgeAnswer, bool? LooksEdited,
    DateTime SubmittedAt, bool Included, ExclusionReason Reasons);

/// <summary>Assessors of a platform who finished the screening, and how many of them passed.</summary>
public sealed record ScreeningCount(Platform Platform, int Screened, int Passed);

/// <summary>Every rating of a study with the rest of the dashboard's inputs: what the results export analyses.</summary>
public sealed record DashboardInput(
    Guid StudyId,
    string StudyName,
    IReadOnlyDictionary<Platform, int> RatingsPerVariant,
    IReadOnlyList<DashboardVariant> Variants,
    IReadOnlyList<DashboardRating> Ratings,
    IReadOnlyDictionary<(Guid VariantId, Platform Platform), int> Held,
    IReadOnlyList<ScreeningCount> Screening,
    DateTime ComputedAt);

/// <summary>
/// One variant's ratings on one platform as the database keeps them summed (VariantRatingSummaries): every count and
/// sum the dashboard needs, so a refresh reads one row per variant and platform whatever the number of ratings.
/// </summary>
public sealed record DashboardSummary(
    Guid VariantId,
    Platform Platform,
    long Submitted,
    IReadOnlyDictionary<ExclusionReason, long> Exclusions,
    IntegerMoments Pspi,
    IReadOnlyDictionary<ActionUnit, IntegerMoments> Aus,
    long RaceAnswerW,
    long RaceAnswerB,
    long AgeAnswerYoung,
    long AgeAnswerSenior,
    long LooksEditedYes,
    long LooksEditedNo)
{
    /// <summary>Included ratings: the n of every sum.</summary>
    public long Included => Pspi.N;
}

/// <summary>What the live dashboard is computed from: summaries instead of ratings; the computation itself is pure.</summary>
public sealed record DashboardSummaryInput(
    Guid StudyId,
    string StudyName,
    IReadOnlyDictionary<Platform, int> RatingsPerVariant,
    IReadOnlyList<DashboardVariant> Variants,
    IReadOnlyList<DashboardSummary> Summaries,
    IReadOnlyDictionary<(Guid VariantId, Platform Platform), int> Held,
    IReadOnlyList<ScreeningCount> Screening,
    DateTime ComputedAt);
