using Microsoft.EntityFrameworkCore;
using PainBias.Core.Domain;
using PainBias.Data;
using PainBias.Data.Entities;
using PainBias.Jobs.Crowd;
using PainBias.TestSupport;

namespace PainBias.Jobs.Tests.Crowd;

public sealed class MTurkSyncJobTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Sync_matches_assignments_to_sessions_and_reviews_them_by_the_researchers_rules(DatabaseProvider provider)
    {
        await using var crowd = await CrowdHarness.StartAsync(provider);
        var study = await crowd.StudyAsync();
        var launch = await crowd.LaunchAsync(study.Study.Id, assignments: 9);
        await crowd.Publisher.PublishAsync(launch.Id, CancellationToken.None);
        var hit = crowd.Server.State.Hits.Single().HITId;

        await crowd.SessionAsync(study, "WGOOD", "ASSIGNGOOD", hit, variant: 0);
        await crowd.SessionAsync(study, "WCARELESS", "ASSIGNCARELESS", hit, exclusions: ExclusionReason.FailedAttention, variant: 1);
        await crowd.SessionAsync(study, "WFAST", "ASSIGNFAST", hit, exclusions: ExclusionReason.TooFast, variant: 2);
        await crowd.SessionAsync(study, "WOWNER", "ASSIGNTAKEN", hit, variant: 3);
        var good = crowd.Server.State.AddSubmittedAssignment(hit, "WGOOD", "ASSIGNGOOD");
        var careless = crowd.Server.State.AddSubmittedAssignment(hit, "WCARELESS", "ASSIGNCARELESS");
        var fast = crowd.Server.State.AddSubmittedAssignment(hit, "WFAST", "ASSIGNFAST");
        var stranger = crowd.Server.State.AddSubmittedAssignment(hit, "WSTRANGER", "ASSIGNSTRANGER");
        // Another worker submitting under an assignment id that a session carries is not that session's work.
        var impostor = crowd.Server.State.AddSubmittedAssignment(hit, "WIMPOSTOR", "ASSIGNTAKEN");

        var result = await crowd.Sync.SyncLaunchAsync(launch.Id, CancellationToken.None);

        Assert.Equal(new MTurkSyncResult(5, Approved: 2, Rejected: 1, Held: 2, BonusesPaid: 0), result);
        Assert.Equal("Approved", good.Status);
        Assert.Equal("Thank you!", good.RequesterFeedback);
        Assert.Equal("Approved", fast.Status); // TooFast is flagged, and not among this launch's rejection rules.
        Assert.Equal("Rejected", careless.Status);
        Assert.StartsWith("Sorry: the answers did not pass our checks.", careless.RequesterFeedback);
        Assert.Contains("FailedAttention", careless.RequesterFeedback);
        Assert.Equal("Submitted", stranger.Status);
        Assert.Equal("Submitted", impostor.Status);

        await using (var db = await crowd.Database.ContextAsync())
        {
            var reviews = await db.MTurkAssignmentReviews.AsNoTracking().ToDictionaryAsync(r => r.WorkerId);
            Assert.Equal(MTurkReviewDecision.Held, reviews["WSTRANGER"].Decision);
            Assert.Null(reviews["WIMPOSTOR"].TaskSessionId);
            Assert.NotNull(reviews["WGOOD"].TaskSessionId);
            Assert.All(reviews.Values, r => Assert.True(r.TookPartGranted));
        }

        var tookPart = (await crowd.ReloadAsync(launch.Id)).TookPartQualificationTypeId!;
        foreach (var worker in new[] { "WGOOD", "WCARELESS", "WFAST", "WSTRANGER", "WIMPOSTOR" })
            Assert.Equal(1, crowd.Server.State.WorkerQualifications[(tookPart, worker)]);

        // A rerun sends nothing again: decisions and qualifications are recorded per assignment.
        var calls = crowd.Server.Operations.Count(o => o is "ApproveAssignment" or "RejectAssignment" or "AssociateQualificationWithWorker");
        var rerun = await crowd.Sync.SyncLaunchAsync(launch.Id, CancellationToken.None);
        Assert.Equal(new MTurkSyncResult(5, 0, 0, 0, 0), rerun);
        Assert.Equal(calls, crowd.Server.Operations.Count(o => o is "ApproveAssignment" or "RejectAssignment" or "AssociateQualificationWithWorker"));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task The_studys_reject_rules_add_to_the_launchs_and_report_only_flags_are_approved(DatabaseProvider provider)
    {
        await using var crowd = await CrowdHarness.StartAsync(provider);
        var study = await crowd.StudyAsync();
        await using (var db = await crowd.Database.ContextAsync())
        {
            // The settings page's "Reject" for the manipulation check; "looks edited" stays report only.
            var entity = await db.Studies.SingleAsync(s => s.Id == study.Study.Id);
            (entity.ExcludeFor, entity.RejectFor) = (entity.ExcludeFor | ExclusionReason.ManipulationCheckFailed, ExclusionReason.ManipulationCheckFailed);
            await db.SaveChangesAsync();
        }
        var launch = await crowd.LaunchAsync(study.Study.Id, assignments: 9);
        await crowd.Publisher.PublishAsync(launch.Id, CancellationToken.None);
        var hit = crowd.Server.State.Hits.Single().HITId;
        await crowd.SessionAsync(study, "WWRONG", "ASSIGNWRONG", hit, exclusions: ExclusionReason.ManipulationCheckFailed, variant: 0);
        await crowd.SessionAsync(study, "WEDITED", "ASSIGNEDITED", hit, exclusions: ExclusionReason.LooksEdited, variant: 1);
        await crowd.SessionAsync(study, "WCARELESS", "ASSIGNCARELESS", hit, exclusions: ExclusionReason.FailedAttention, variant: 2);
        var wrong = crowd.Server.State.AddSubmittedAssignment(hit, "WWRONG", "ASSIGNWRONG");
        var edited = crowd.Server.State.AddSubmittedAssignment(hit, "WEDITED", "ASSIGNEDITED");
        var careless = crowd.Server.State.AddSubmittedAssignment(hit, "WCARELESS", "ASSIGNCARELESS");

        await crowd.Sync.SyncLaunchAsync(launch.Id, CancellationToken.None);

        Assert.Equal("Rejected", wrong.Status);
        Assert.Contains("ManipulationCheckFailed", wrong.RequesterFeedback);
        Assert.Equal("Approved", edited.Status);
        Assert.Equal("Rejected", careless.Status); // the launch's own rule
    }

    [Fact]
    public async Task Unmatched_assignments_are_rejected_with_feedback_when_the_rule_says_so_and_finished_HITs_stop_being_polled()
    {
        await using var crowd = await CrowdHarness.StartAsync();
        var study = await crowd.StudyAsync();
        var launch = await crowd.LaunchAsync(study.Study.Id, assignments: 2, l => l.Unmatched = UnmatchedAssignmentAction.Reject);
        await crowd.Publisher.PublishAsync(launch.Id, CancellationToken.None);
        var hit = crowd.Server.State.Hits.Single().HITId;
        await crowd.SessionAsync(study, "WDONE", "A-DONE", hit);
        await crowd.SessionAsync(study, "WQUIT", "A-QUIT", hit, step: TaskStep.Consent);
        crowd.Server.State.AddSubmittedAssignment(hit, "WDONE", "A-DONE");
        var quit = crowd.Server.State.AddSubmittedAssignment(hit, "WQUIT", "A-QUIT");

        await crowd.Sync.RunAsync(CancellationToken.None);

        Assert.Equal("Rejected", quit.Status);
        Assert.Contains("not finished", quit.RequesterFeedback);
        Assert.True((await crowd.BatchesAsync(launch.Id)).Single().Finished);
        var listed = crowd.Server.CountOf("ListAssignmentsForHIT");
        await crowd.Sync.RunAsync(CancellationToken.None);
        Assert.Equal(listed, crowd.Server.CountOf("ListAssignmentsForHIT"));
    }

    [Fact]
    public async Task Bonuses_wait_for_the_submitted_assignment_and_are_paid_once_even_when_an_answer_is_lost()
    {
        await using var crowd = await CrowdHarness.StartAsync();
        var study = await crowd.StudyAsync();
        var launch = await crowd.LaunchAsync(study.Study.Id, assignments: 9, l => l.BonusCents = 25);
        await crowd.Publisher.PublishAsync(launch.Id, CancellationToken.None);
        var hit = crowd.Server.State.Hits.Single().HITId;

        // Queued before the worker has submitted anything: nothing can be sent yet.
        var early = await crowd.Bonuses.QueueAsync(launch.Id, "WEARLY", 100, "Extra care on hard faces", CancellationToken.None);
        await crowd.Sync.SyncLaunchAsync(launch.Id, CancellationToken.None);
        Assert.Empty(crowd.Server.State.BonusesPaid);
        Assert.Equal(MTurkBonusState.Queued, await StateOfAsync(crowd, early));

        await crowd.SessionAsync(study, "WEARLY", "A-EARLY", hit);
        crowd.Server.State.AddSubmittedAssignment(hit, "WEARLY", "A-EARLY");
        // The first bonus is paid on MTurk but its answer is lost; the client's retry meets DuplicateRequest.
        crowd.Server.LoseAnswerOfNext("SendBonus");
        var result = await crowd.Sync.SyncLaunchAsync(launch.Id, CancellationToken.None);

        Assert.Equal(2, result.BonusesPaid); // the queued one and the launch's automatic bonus for the approval
        Assert.Equal(
            [("WEARLY", "A-EARLY", 0.25m), ("WEARLY", "A-EARLY", 1.00m)],
            crowd.Server.State.BonusesPaid.OrderBy(b => b.Amount));
        Assert.Equal(MTurkBonusState.Paid, await StateOfAsync(crowd, early));

        // A crash between sending and recording leaves a row in Sending: the next sync resends the same token and MTurk refuses to pay twice.
        await using (var db = await crowd.Database.ContextAsync())
            await db.MTurkBonuses.Where(b => b.Id == early).ExecuteUpdateAsync(b => b.SetProperty(x => x.State, MTurkBonusState.Sending));
        await crowd.Sync.SyncLaunchAsync(launch.Id, CancellationToken.None);
        Assert.Equal(2, crowd.Server.State.BonusesPaid.Count);
        Assert.Equal(MTurkBonusState.Paid, await StateOfAsync(crowd, early));

        var totals = await crowd.Bonuses.TotalsAsync(launch.Id, CancellationToken.None);
        Assert.Equal(new BonusTotals(Queued: 0, Sending: 0, Paid: 2, PaidCents: 125, OwedCents: 0), totals);
    }

    [Fact]
    public async Task A_bonus_outside_the_allowed_range_is_refused_and_nothing_is_written()
    {
        await using var crowd = await CrowdHarness.StartAsync();
        var study = await crowd.StudyAsync();
        var launch = await crowd.LaunchAsync(study.Study.Id, assignments: 1);

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => crowd.Bonuses.QueueAsync(launch.Id, "W1", 0, "none", CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => crowd.Bonuses.QueueAsync(launch.Id, "W1", 100_01, "too much", CancellationToken.None));
        await using var db = await crowd.Database.ContextAsync();
        Assert.Empty(await db.MTurkBonuses.ToListAsync());
    }

    private static async Task<MTurkBonusState> StateOfAsync(CrowdHarness crowd, Guid bonusId)
    {
        await using var db = await crowd.Database.ContextAsync();
        return await db.MTurkBonuses.Where(b => b.Id == bonusId).Select(b => b.State).SingleAsync();
    }
}
