using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using PainBias.Core.Domain;
using PainBias.Crowd.MTurk;
using PainBias.Data;
using PainBias.Data.Entities;

namespace PainBias.Jobs.Crowd;

public sealed record MTurkSyncResult(int Assignments, int Approved, int Rejected, int Held, int BonusesPaid);

/// <summary>
/// The recurring review of published launches: pages every HIT's assignments, matches each to the task session that
/// carries its assignment id (and the same worker), approves or rejects by the launch's rules with feedback, marks the
/// worker with the study's "took part" qualification, and pays due bonuses. Reentrant: one row per assignment, and a
/// decision is sent only while MTurk still shows the assignment as Submitted.
/// </summary>
public sealed class MTurkSyncJob(
    IDbContextFactory<PainBiasDbContext> contexts, IMTurkClientFactory clients, MTurkBonusLedger bonuses, TimeProvider clock,
    ILogger<MTurkSyncJob> logger)
{
    public const string RecurringId = "mturk-sync";

    [Queue(Queues.Crowd)]
    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    [AutomaticRetry(Attempts = 0)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        List<Guid> launches;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            launches = await db.MTurkLaunches.AsNoTracking()
                .Where(l => l.Status == MTurkLaunchStatus.Published || l.Status == MTurkLaunchStatus.Closed)
                .Where(l => db.MTurkHitBatches.Any(b => b.LaunchId == l.Id && !b.Finished)
                    || db.MTurkBonuses.Any(b => b.LaunchId == l.Id && b.State != MTurkBonusState.Paid))
                .Select(l => l.Id).ToListAsync(cancellationToken);
        }

        foreach (var id in launches)
        {
            try
            {
                await SyncLaunchAsync(id, cancellationToken);
            }
            catch (MTurkException e)
            {
                // One launch's trouble (say, a revoked key) must not stop the others; the next run tries again.
                logger.LogWarning("MTurk sync of launch {LaunchId} failed: {Error}", id, e.Message);
            }
        }
    }

    [Queue(Queues.Crowd)]
    public async Task<MTurkSyncResult> SyncLaunchAsync(Guid launchId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var launch = await db.MTurkLaunches.SingleAsync(l => l.Id == launchId, cancellationToken);
        var studyRejectFor = await db.Studies.Where(s => s.Id == launch.StudyId).Select(s => s.RejectFor).SingleAsync(cancellationToken);
        var client = clients.For(launch.Sandbox);
        var counts = new int[3];
        var seen = 0;
        try
        {
            var reviewable = launch.HitTypeId is null
                ? []
                : await client.ListAllReviewableHITsAsync(launch.HitTypeId, cancellationToken).Select(h => h.HITId).ToHashSetAsync(cancellationToken: cancellationToken);
            var batches = await db.MTurkHitBatches
                .Where(b => b.LaunchId == launchId && b.State == MTurkBatchState.Created && !b.Finished)
                .OrderBy(b => b.Index).ToListAsync(cancellationToken);
            foreach (var batch in batches)
            {
                var open = 0;
                await foreach (var assignment in client.ListAllAssignmentsForHITAsync(batch.HitId!, cancellationToken: cancellationToken))
                {
                    seen++;
                    var (review, decidedNow) = await ReviewAsync(db, client, launch, studyRejectFor, assignment, cancellationToken);
                    if (review.MTurkStatus == nameof(AssignmentStatus.Submitted))
                        open++;
                    if (decidedNow)
                        counts[review.Decision switch { MTurkReviewDecision.Approved => 0, MTurkReviewDecision.Rejected => 1, _ => 2 }]++;
                }

                // A reviewable HIT takes no more workers; once nothing of it waits for a decision, stop polling it.
                if (reviewable.Contains(batch.HitId!) && open == 0)
                    batch.Finished = true;
                await db.SaveChangesAsync(cancellationToken);
            }

            await QueueAutomaticBonusesAsync(db, launch, cancellationToken);
            var paid = await bonuses.PayDueAsync(db, client, launch, cancellationToken);
            launch.LastSyncedAt = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(cancellationToken);
            return new MTurkSyncResult(seen, counts[0], counts[1], counts[2], paid);
        }
        catch (MTurkException e)
        {
            launch.LastError = $"Sync: {e.Message}";
            await db.SaveChangesAsync(CancellationToken.None);
            throw;
        }
    }

    private async Task<(MTurkAssignmentReview Review, bool DecidedNow)> ReviewAsync(
        PainBiasDbContext db, IMTurkClient client, MTurkLaunch launch, ExclusionReason studyRejectFor, Assignment assignment, CancellationToken ct)
    {
        var review = await db.MTurkAssignmentReviews.SingleOrDefaultAsync(r => r.AssignmentId == assignment.AssignmentId, ct);
        if (review is null)
        {
            review = new MTurkAssignmentReview
            {
                Id = Guid.NewGuid(), LaunchId = launch.Id, AssignmentId = assignment.AssignmentId, HitId = assignment.HITId,
                WorkerId = assignment.WorkerId, MTurkStatus = "", SubmittedAt = assignment.SubmitTime?.UtcDateTime,
            };
            db.MTurkAssignmentReviews.Add(review);
        }

        review.MTurkStatus = (assignment.AssignmentStatus ?? AssignmentStatus.Submitted).ToString();
        var (sessionId, completed, exclusions) = await MatchAsync(db, launch.StudyId, assignment, ct);
        review.TaskSessionId = sessionId;
        var decidedNow = false;

        if (assignment.AssignmentStatus is AssignmentStatus.Approved or AssignmentStatus.Rejected && review.Decision is MTurkReviewDecision.Pending or MTurkReviewDecision.Held)
        {
            // Decided on MTurk already (auto-approval, or by hand on the requester site): record, do not resend.
            review.Decision = assignment.AssignmentStatus == AssignmentStatus.Approved ? MTurkReviewDecision.Approved : MTurkReviewDecision.Rejected;
            review.DecisionReason = $"{assignment.AssignmentStatus} on MTurk.";
            review.DecidedAt = clock.GetUtcNow().UtcDateTime;
        }
        else if (assignment.AssignmentStatus is null or AssignmentStatus.Submitted && review.Decision is MTurkReviewDecision.Pending)
        {
            var verdict = AssignmentReviewRules.Decide(launch, sessionId is not null, completed, exclusions, studyRejectFor);
            await SendVerdictAsync(client, assignment.AssignmentId, verdict, ct);
            review.Decision = verdict.Decision;
            review.DecisionReason = verdict.Reason;
            review.DecidedAt = clock.GetUtcNow().UtcDateTime;
            decidedNow = true;
            if (verdict.Decision != MTurkReviewDecision.Held)
                review.MTurkStatus = verdict.Decision == MTurkReviewDecision.Approved ? nameof(AssignmentStatus.Approved) : nameof(AssignmentStatus.Rejected);
        }

        if (!review.TookPartGranted && launch.TookPartQualificationTypeId is not null)
        {
            await client.AssociateQualificationWithWorkerAsync(new AssociateQualificationWithWorkerRequest
            {
                QualificationTypeId = launch.TookPartQualificationTypeId, WorkerId = assignment.WorkerId, IntegerValue = 1, SendNotification = false,
            }, ct);
            review.TookPartGranted = true;
        }

        // Saved per assignment: a failure later in the page keeps what was already sent to MTurk.
        await db.SaveChangesAsync(ct);
        return (review, decidedNow);
    }

    private static async Task SendVerdictAsync(IMTurkClient client, string assignmentId, AssignmentReviewRules.Verdict verdict, CancellationToken ct)
    {
        try
        {
            if (verdict.Decision == MTurkReviewDecision.Approved)
                await client.ApproveAssignmentAsync(new ApproveAssignmentRequest { AssignmentId = assignmentId, RequesterFeedback = verdict.Feedback }, ct);
            else if (verdict.Decision == MTurkReviewDecision.Rejected)
                await client.RejectAssignmentAsync(new RejectAssignmentRequest { AssignmentId = assignmentId, RequesterFeedback = verdict.Feedback! }, ct);
        }
        catch (MTurkRequestException e) when (e.TurkErrorCode == "AWS.MechanicalTurk.InvalidAssignmentState")
        {
            // Decided meanwhile (auto-approval); the next page read records MTurk's status.
        }
    }

    private static async Task<(Guid? SessionId, bool Completed, ExclusionReason Exclusions)> MatchAsync(
        PainBiasDbContext db, Guid studyId, Assignment assignment, CancellationToken ct)
    {
        // The assignment id alone is not enough: the worker must be the one who ran the session.
        var session = await db.TaskSessions.AsNoTracking()
            .Where(s => s.StudyId == studyId && s.AssignmentId == assignment.AssignmentId && s.Platform == Platform.MTurk && !s.IsPreview)
            .Join(db.Workers.Where(w => w.Platform == Platform.MTurk && w.ExternalId == assignment.WorkerId), s => s.WorkerId, w => w.Id, (s, _) => s)
            .SingleOrDefaultAsync(ct);
        if (session is null)
            return (null, false, ExclusionReason.None);
        var reasons = await db.Assessments.AsNoTracking()
            .Where(a => a.StudyId == studyId && a.WorkerId == session.WorkerId)
            .Select(a => a.ExclusionReasons).ToListAsync(ct);
        var exclusions = reasons.Aggregate(ExclusionReason.None, (all, r) => all | r);
        return (session.Id, session.Step == TaskStep.Completed && reasons.Count > 0, exclusions);
    }

    private async Task QueueAutomaticBonusesAsync(PainBiasDbContext db, MTurkLaunch launch, CancellationToken ct)
    {
        if (launch.BonusCents <= 0)
            return;
        var approved = await db.MTurkAssignmentReviews.AsNoTracking()
            .Where(r => r.LaunchId == launch.Id && r.Decision == MTurkReviewDecision.Approved)
            .Where(r => !db.MTurkBonuses.Any(b => b.LaunchId == launch.Id && b.AssignmentId == r.AssignmentId && b.Reason == AutomaticBonusReason))
            .Select(r => new { r.WorkerId, r.AssignmentId }).ToListAsync(ct);
        foreach (var review in approved)
        {
            db.MTurkBonuses.Add(new MTurkBonus
            {
                Id = Guid.NewGuid(), LaunchId = launch.Id, WorkerId = review.WorkerId, AssignmentId = review.AssignmentId,
                AmountCents = launch.BonusCents, Reason = AutomaticBonusReason, State = MTurkBonusState.Queued, CreatedAt = clock.GetUtcNow().UtcDateTime,
            });
        }

        await db.SaveChangesAsync(ct);
    }

    public const string AutomaticBonusReason = "Thank you for completing the PainBias rating task.";
}
