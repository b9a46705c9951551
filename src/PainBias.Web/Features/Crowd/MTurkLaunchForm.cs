using PainBias.Core.Domain;
using PainBias.Data.Entities;

namespace PainBias.Web.Features.Crowd;

/// <summary>The researcher's settings for a new MTurk launch, as the page edits them. Money in dollars.</summary>
public sealed class MTurkLaunchForm
{
    public bool Sandbox { get; set; } = true;
    public string Title { get; set; } = "Rate the pain you see in a face";
    public string Description { get; set; } = "Learn six facial movements that show pain, then rate them on a photograph of a face (about 5 minutes).";
    public string Keywords { get; set; } = "pain, faces, rating, psychology";
    public decimal Reward { get; set; } = 1.00m;
    public decimal Bonus { get; set; }
    public int AssignmentDurationMinutes { get; set; } = 30;
    public int LifetimeHours { get; set; } = 72;
    public int AutoApprovalHours { get; set; } = 72;
    public string TaskUrl { get; set; } = "";
    public int FrameHeight { get; set; } = 800;
    public int MinApprovalRate { get; set; } = 95;
    public int MinApprovedHits { get; set; } = 100;
    public string Locales { get; set; } = "US";
    public string? ScreeningQualificationTypeId { get; set; }
    public string ExcludedQualificationTypeIds { get; set; } = "";
    public bool RejectFailedAttention { get; set; }
    public bool RejectTooFast { get; set; }
    public bool RejectUnmatched { get; set; }
    public string ApproveFeedback { get; set; } = "Thank you for your careful ratings.";
    public string RejectFeedback { get; set; } = "Sorry: your answers did not pass the study's quality checks.";

    /// <summary>Every problem with the settings, each naming its field; empty when they can be saved.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(Title) || Title.Length > 128)
            errors.Add("Title: 1 to 128 characters.");
        if (string.IsNullOrWhiteSpace(Description) || Description.Length > 2000)
            errors.Add("Description: 1 to 2000 characters.");
        if (Keywords.Length > 1000)
            errors.Add("Keywords: at most 1000 characters.");
        if (Reward is < 0.01m or > 100m || decimal.Round(Reward, 2) != Reward)
            errors.Add("Reward: whole cents from $0.01 to $100.");
        if (Bonus is < 0m or > 100m || decimal.Round(Bonus, 2) != Bonus)
            errors.Add("Bonus: whole cents from $0 to $100.");
        if (AssignmentDurationMinutes is < 1 or > 24 * 60)
            errors.Add("Duration: 1 minute to 24 hours per assignment.");
        if (LifetimeHours is < 1 or > 24 * 365)
            errors.Add("Lifetime: 1 hour to 365 days.");
        if (AutoApprovalHours is < 0 or > 24 * 30)
            errors.Add("Auto-approval: 0 hours to 30 days.");
        if (!Uri.TryCreate(TaskUrl, UriKind.Absolute, out var url) || url.Scheme != Uri.UriSchemeHttps)
            errors.Add("Task URL: MTurk frames only HTTPS pages; give the site's public https:// address.");
        else if (!url.AbsolutePath.Contains("/task/mturk/", StringComparison.Ordinal))
            errors.Add("Task URL: it must point at this study's task, /task/mturk/{study id}.");
        if (FrameHeight is < 0 or > 10_000)
            errors.Add("Frame height: 0 (full window) to 10000 pixels.");
        if (MinApprovalRate is < 0 or > 100)
            errors.Add("Approval rate: 0 to 100 percent.");
        if (MinApprovedHits < 0)
            errors.Add("Approved HITs: 0 or more.");
        if (Locales.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Any(c => c.Length != 2 || !c.All(char.IsAsciiLetter)))
            errors.Add("Locales: two-letter country codes separated by commas, e.g. US, CA.");
        if (ScreeningQualificationTypeId?.Length > 64 || ExcludedQualificationTypeIds.Length > 2000)
            errors.Add("Qualification ids: too long.");
        if (RejectFeedback.Length > 900 || ApproveFeedback.Length > 1024)
            errors.Add("Feedback: at most 900 characters for rejections and 1024 for approvals.");
        return errors;
    }

    public MTurkLaunch ToLaunch(Guid studyId, int totalAssignments, DateTime now) => new()
    {
        Id = Guid.NewGuid(), StudyId = studyId, Sandbox = Sandbox, Status = MTurkLaunchStatus.Draft, CreatedAt = now,
        Title = Title.Trim(), Description = Description.Trim(), Keywords = Keywords.Trim(),
        RewardCents = (int)(Reward * 100), BonusCents = (int)(Bonus * 100),
        AssignmentDurationMinutes = AssignmentDurationMinutes, LifetimeHours = LifetimeHours, AutoApprovalHours = AutoApprovalHours,
        TaskUrl = TaskUrl.Trim(), FrameHeight = FrameHeight, TotalAssignments = totalAssignments,
        MinApprovalRate = MinApprovalRate, MinApprovedHits = MinApprovedHits, Locales = Locales.Trim().ToUpperInvariant(),
        ScreeningQualificationTypeId = string.IsNullOrWhiteSpace(ScreeningQualificationTypeId) ? null : ScreeningQualificationTypeId.Trim(),
        ExcludedQualificationTypeIds = ExcludedQualificationTypeIds.Trim(),
        RejectFor = (RejectFailedAttention ? ExclusionReason.FailedAttention : 0) | (RejectTooFast ? ExclusionReason.TooFast : 0),
        Unmatched = RejectUnmatched ? UnmatchedAssignmentAction.Reject : UnmatchedAssignmentAction.Hold,
        ApproveFeedback = ApproveFeedback.Trim(), RejectFeedback = RejectFeedback.Trim(),
    };
}
