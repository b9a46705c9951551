using Microsoft.EntityFrameworkCore;
using PainBias.Data;
using PainBias.Data.Entities;
using PainBias.Jobs.Crowd;
using PainBias.Web.Features.Studies;
using PainBias.Web.Hosting;

namespace PainBias.Web.Features.Crowd;

public sealed record MTurkLaunchSummary(
    Guid Id, bool Sandbox, MTurkLaunchStatus Status, string Title, int RewardCents, int BonusCents, int TotalAssignments,
    int HitsPlanned, int HitsCreated, DateTime? ExpiresAt, int Approved, int Rejected, int Held, int Submitted,
    BonusTotals Bonuses, string? LastError, DateTime? LastSyncedAt, string? TookPartQualificationTypeId);

public sealed record StudyMTurkView(Guid StudyId, string StudyName, MTurkQuota SandboxQuota, MTurkQuota LiveQuota, IReadOnlyList<MTurkLaunchSummary> Launches);

public sealed class MTurkLaunchQueries(IDbContextFactory<PainBiasDbContext> contexts, MTurkBonusLedger bonuses)
{
    public async Task<StudyMTurkView?> GetAsync(Guid studyId, Actor actor, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var study = await db.Studies.VisibleTo(actor).AsNoTracking().SingleOrDefaultAsync(s => s.Id == studyId, ct);
        if (study is null)
            return null;
        var launches = await db.MTurkLaunches.AsNoTracking().Where(l => l.StudyId == studyId).OrderByDescending(l => l.CreatedAt).ToListAsync(ct);
        var ids = launches.Select(l => l.Id).ToList();
        var batches = await db.MTurkHitBatches.AsNoTracking().Where(b => ids.Contains(b.LaunchId)).ToListAsync(ct);
        var reviews = await db.MTurkAssignmentReviews.AsNoTracking().Where(r => ids.Contains(r.LaunchId))
            .Select(r => new { r.LaunchId, r.Decision }).ToListAsync(ct);
        var summaries = new List<MTurkLaunchSummary>();
        foreach (var l in launches)
        {
            var mine = batches.Where(b => b.LaunchId == l.Id).ToList();
            var decisions = reviews.Where(r => r.LaunchId == l.Id).Select(r => r.Decision).ToList();
            summaries.Add(new MTurkLaunchSummary(
                l.Id, l.Sandbox, l.Status, l.Title, l.RewardCents, l.BonusCents, l.TotalAssignments,
                mine.Count > 0 ? mine.Count : PainBias.Crowd.MTurk.HitBatches.Plan(l.TotalAssignments).Count,
                mine.Count(b => b.State == MTurkBatchState.Created), mine.Max(b => b.Expiration),
                decisions.Count(d => d == MTurkReviewDecision.Approved), decisions.Count(d => d == MTurkReviewDecision.Rejected),
                decisions.Count(d => d == MTurkReviewDecision.Held), decisions.Count,
                await bonuses.TotalsAsync(l.Id, ct), l.LastError, l.LastSyncedAt, l.TookPartQualificationTypeId));
        }

        return new StudyMTurkView(study.Id, study.Name,
            await MTurkQuota.ForAsync(db, study, sandbox: true, null, ct), await MTurkQuota.ForAsync(db, study, sandbox: false, null, ct), summaries);
    }
}
