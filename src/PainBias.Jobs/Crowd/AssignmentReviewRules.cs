using PainBias.Core.Domain;
using PainBias.Data.Entities;

namespace PainBias.Jobs.Crowd;

/// <summary>The researcher's rules for a submitted assignment, given what the task recorded behind it.</summary>
public static class AssignmentReviewRules
{
    public sealed record Verdict(MTurkReviewDecision Decision, string Reason, string? Feedback);

    /// <param name="completed">The assignment's task session reached the completion code.</param>
    /// <param name="exclusions">Exclusion reasons of the session's ratings, combined.</param>
    /// <param name="studyRejectFor">The study's rules set to Reject (settings page); they add to the launch's own.</param>
    public static Verdict Decide(MTurkLaunch launch, bool matched, bool completed, ExclusionReason exclusions, ExclusionReason studyRejectFor = ExclusionReason.None)
    {
        if (!matched || !completed)
        {
            var why = matched ? "The task for this assignment was not finished." : "No task was done under this assignment.";
            return launch.Unmatched == UnmatchedAssignmentAction.Reject
                ? new Verdict(MTurkReviewDecision.Rejected, why, Feedback(launch.RejectFeedback, why))
                : new Verdict(MTurkReviewDecision.Held, why + " Held for the researcher.", null);
        }

        var rejected = exclusions & (launch.RejectFor | studyRejectFor);
        if (rejected != ExclusionReason.None)
        {
            var why = $"Excluded for {rejected}.";
            return new Verdict(MTurkReviewDecision.Rejected, why, Feedback(launch.RejectFeedback, why));
        }

        return new Verdict(MTurkReviewDecision.Approved,
            exclusions == ExclusionReason.None ? "Task completed." : $"Task completed (flagged {exclusions}, not a rejection rule).",
            string.IsNullOrWhiteSpace(launch.ApproveFeedback) ? null : launch.ApproveFeedback);
    }

    /// <summary>MTurk requires feedback on a rejection and shows it to the worker; at most 1024 characters.</summary>
    private static string Feedback(string text, string why)
    {
        var feedback = string.IsNullOrWhiteSpace(text) ? why : $"{text.Trim()} ({why})";
        return feedback.Length <= 1024 ? feedback : feedback[..1024];
    }
}
