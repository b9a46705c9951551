using PainBias.Crowd.MTurk;
using PainBias.Data.Entities;

namespace PainBias.Jobs.Crowd;

/// <summary>The MTurk requests a launch's settings stand for.</summary>
public static class MTurkHitRequests
{
    public static IReadOnlyList<string> SplitIds(string list) =>
        list.Split([',', ';', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>
    /// Approval rate and approved-HIT count, locale, the screening pass, and DoesNotExist for every "took part"
    /// qualification that must keep workers out (this study's own and those of linked studies).
    /// </summary>
    public static IReadOnlyList<QualificationRequirement> Requirements(MTurkLaunch launch, IEnumerable<string> tookPartIds)
    {
        var requirements = new List<QualificationRequirement>();
        if (launch.MinApprovalRate > 0)
            requirements.Add(MTurkQualifications.ApprovalRateAtLeast(launch.MinApprovalRate));
        if (launch.MinApprovedHits > 0)
            requirements.Add(MTurkQualifications.ApprovedHITsAtLeast(launch.MinApprovedHits));
        var locales = SplitIds(launch.Locales).Select(c => new Locale { Country = c.ToUpperInvariant() }).ToList();
        if (locales.Count > 0)
            requirements.Add(MTurkQualifications.LocaleIn(locales));
        if (!string.IsNullOrWhiteSpace(launch.ScreeningQualificationTypeId))
            requirements.Add(MTurkQualifications.Has(launch.ScreeningQualificationTypeId));
        foreach (var id in tookPartIds.Concat(SplitIds(launch.ExcludedQualificationTypeIds)).Distinct(StringComparer.Ordinal))
            requirements.Add(MTurkQualifications.DoesNotHave(id));
        return requirements;
    }

    public static CreateHITTypeRequest HitType(MTurkLaunch launch, IReadOnlyList<QualificationRequirement> requirements) => new()
    {
        Title = launch.Title,
        Description = launch.Description,
        Keywords = string.IsNullOrWhiteSpace(launch.Keywords) ? null : launch.Keywords,
        Reward = MTurkAmount.Format(launch.RewardCents / 100m),
        AssignmentDurationInSeconds = launch.AssignmentDurationMinutes * 60L,
        AutoApprovalDelayInSeconds = launch.AutoApprovalHours * 3600L,
        QualificationRequirements = requirements,
    };

    public static CreateHITWithHITTypeRequest Hit(MTurkLaunch launch, MTurkHitBatch batch) => new()
    {
        HITTypeId = launch.HitTypeId ?? throw new InvalidOperationException("The HIT type is created first."),
        LifetimeInSeconds = launch.LifetimeHours * 3600L,
        MaxAssignments = batch.Assignments,
        Question = new ExternalQuestion(new Uri(launch.TaskUrl), launch.FrameHeight).ToXml(),
        RequesterAnnotation = Annotation(batch),
        UniqueRequestToken = batch.RequestToken,
    };

    /// <summary>Written on the HIT, so a HIT whose create answer was lost can be found again.</summary>
    public static string Annotation(MTurkHitBatch batch) => "painbias:" + batch.RequestToken;

    public static MTurkCost Cost(MTurkLaunch launch, IEnumerable<int> batchSizes) =>
        MTurkCost.Estimate([.. batchSizes], launch.RewardCents / 100m, launch.BonusCents / 100m);
}
