using PainBias.Core.Domain;

namespace PainBias.Web.Features.Dashboard;

/// <summary>One variant with its source face's metadata, as the dashboard reads it.</summary>
public sealed record DashboardVariant(Guid Id, Guid FaceId, string FaceLabel, Gender Gender, Race Race, AgeGroup AgeGroup, Condition Condition);

/// <summary>One stored rating (included or not) with its check answers.</summary>
public sealed record DashboardRating(
    Guid VariantId, Guid WorkerId, Platform Platform, AuRating Rating, Race? RaceAnswer, AgeGroup? AgeAnswer, bool? LooksEdited,
    DateTime SubmittedAt, bool Included, ExclusionReason Reasons);

/// <summary>Assessors of a platform who finished the screening, and how many of them passed.</summary>
public sealed record ScreeningCount(Platform Platform, int Screened, int Passed);

/// <summary>Everything the dashboard is computed from, loaded in one go; the computation itself is pure.</summary>
public sealed record DashboardInput(
    Guid StudyId,
    string StudyName,
    IReadOnlyDictionary<Platform, int> RatingsPerVariant,
    IReadOnlyList<DashboardVariant> Variants,
    IReadOnlyList<DashboardRating> Ratings,
    IReadOnlyDictionary<(Guid VariantId, Platform Platform), int> Held,
    IReadOnlyList<ScreeningCount> Screening,
    DateTime ComputedAt);
