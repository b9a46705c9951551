using Microsoft.EntityFrameworkCore;
using PainBias.Core.Domain;
using PainBias.Core.Statistics;
using PainBias.Data;
using PainBias.Data.Allocation;
using PainBias.Web.Features.Studies;
using PainBias.Web.Hosting;

namespace PainBias.Web.Features.Dashboard;

/// <summary>
/// Loads what the dashboard is computed from. The live view reads the per-variant summaries the database keeps
/// (VariantRatingSummaries, maintained by triggers), so a refresh costs the same at a thousand ratings as at a million;
/// the results export still reads every rating, for the models that need them.
/// </summary>
public sealed class DashboardQueries(IDbContextFactory<PainBiasDbContext> contexts, TimeProvider clock)
{
    /// <summary>Null when the study does not exist or is not the actor's.</summary>
    public async Task<DashboardView?> GetAsync(Guid studyId, Actor actor, double? targetHalfWidth, CancellationToken cancellationToken) =>
        await LoadSummariesAsync(studyId, actor, cancellationToken) is { } input ? DashboardBuilder.Build(input, targetHalfWidth) : null;

    public async Task<DashboardSummaryInput?> LoadSummariesAsync(Guid studyId, Actor actor, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await LoadStudyAsync(db, studyId, actor, cancellationToken) is not { } study)
            return null;
        var summaries = await db.VariantRatingSummaries.AsNoTracking().Where(s => s.StudyId == studyId && s.Submitted > 0)
            .ToListAsync(cancellationToken);
        return new DashboardSummaryInput(studyId, study.Name, study.RatingsPerVariant, study.Variants,
            [.. summaries.Select(s => new DashboardSummary(
                s.VariantId, s.Platform, s.Submitted,
                new Dictionary<ExclusionReason, long>
                {
                    [ExclusionReason.FailedScreening] = s.FailedScreening,
                    [ExclusionReason.FailedAttention] = s.FailedAttention,
                    [ExclusionReason.TooFast] = s.TooFast,
                    [ExclusionReason.DuplicateWorker] = s.DuplicateWorker,
                    [ExclusionReason.BlockedWorker] = s.BlockedWorker,
                    [ExclusionReason.Preview] = s.Preview,
                    [ExclusionReason.ManipulationCheckFailed] = s.ManipulationCheckFailed,
                    [ExclusionReason.LooksEdited] = s.LooksEdited,
                    [ExclusionReason.Honeypot] = s.Honeypot,
                    [ExclusionReason.UniformAnswers] = s.UniformAnswers,
                    [ExclusionReason.IdenticalAnswers] = s.IdenticalAnswers,
                    [ExclusionReason.SharedNetwork] = s.SharedNetwork,
                },
                new IntegerMoments(s.Included, s.PspiSum, s.PspiSumSquares),
                new Dictionary<ActionUnit, IntegerMoments>
                {
                    [ActionUnit.Au4] = new(s.Included, s.Au4Sum, s.Au4SumSquares),
                    [ActionUnit.Au6] = new(s.Included, s.Au6Sum, s.Au6SumSquares),
                    [ActionUnit.Au7] = new(s.Included, s.Au7Sum, s.Au7SumSquares),
                    [ActionUnit.Au9] = new(s.Included, s.Au9Sum, s.Au9SumSquares),
                    [ActionUnit.Au10] = new(s.Included, s.Au10Sum, s.Au10SumSquares),
                    [ActionUnit.Au43] = new(s.Included, s.Au43Sum, s.Au43SumSquares),
                },
                s.RaceAnswerW, s.RaceAnswerB, s.AgeAnswerYoung, s.AgeAnswerSenior, s.LooksEditedYes, s.LooksEditedNo))],
            study.Held, study.Screening, study.Now);
    }

    /// <summary>Every rating of the study (included or not): the input of the results export.</summary>
    public async Task<DashboardInput?> LoadRatingsAsync(Guid studyId, Actor actor, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await LoadStudyAsync(db, studyId, actor, cancellationToken) is not { } study)
            return null;
        var ratings = await db.Assessments.AsNoTracking().Where(a => a.StudyId == studyId)
            .Select(a => new { a.VariantId, a.WorkerId, a.Platform, a.Au4, a.Au6, a.Au7, a.Au9, a.Au10, a.Au43,
                a.PerceivedRaceAnswer, a.PerceivedAgeAnswer, a.LooksEditedAnswer, a.SubmittedAt, a.Included, a.ExclusionReasons })
            .ToListAsync(cancellationToken);
        return new DashboardInput(studyId, study.Name, study.RatingsPerVariant, study.Variants,
            [.. ratings.Select(a => new DashboardRating(a.VariantId, a.WorkerId, a.Platform,
                AuRating.Create(a.Au4, a.Au6, a.Au7, a.Au9, a.Au10, a.Au43),
                a.PerceivedRaceAnswer, a.PerceivedAgeAnswer, a.LooksEditedAnswer, a.SubmittedAt, a.Included, a.ExclusionReasons))],
            study.Held, study.Screening, study.Now);
    }

    private sealed record StudyParts(
        string Name, Dictionary<Platform, int> RatingsPerVariant, List<DashboardVariant> Variants,
        Dictionary<(Guid, Platform), int> Held, List<ScreeningCount> Screening, DateTime Now);

    // The study, its variants, live holds and screening outcomes: what both inputs share.
    private async Task<StudyParts?> LoadStudyAsync(PainBiasDbContext db, Guid studyId, Actor actor, CancellationToken cancellationToken)
    {
        var study = await db.Studies.AsNoTracking().VisibleTo(actor).Where(s => s.Id == studyId)
            .Select(s => new { s.Name, s.RatingsPerVariantMTurk, s.RatingsPerVariantCredamo, s.RatingsPerVariantDirect })
            .SingleOrDefaultAsync(cancellationToken);
        if (study is null)
            return null;
        var now = clock.GetUtcNow().UtcDateTime;

        var variants = await (
            from v in db.Variants.AsNoTracking()
            join f in db.SourceFaces on v.SourceFaceId equals f.Id
            where v.StudyId == studyId
            select new DashboardVariant(v.Id, f.Id, f.Label, f.Gender, f.Race, f.AgeGroup, v.Condition))
            .ToListAsync(cancellationToken);
        // Held as the allocator counts it: a hold that has not run out, plus the submit grace.
        var heldAfter = now - SlotAllocator.SubmitGrace;
        var held = await db.Reservations.AsNoTracking()
            .Where(r => r.StudyId == studyId && r.Status == Data.Entities.ReservationStatus.Held && r.HeldUntil > heldAfter)
            .GroupBy(r => new { r.VariantId, r.Platform })
            .Select(g => new { g.Key.VariantId, g.Key.Platform, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var screening = await db.TaskSessions.AsNoTracking()
            .Where(s => s.StudyId == studyId && !s.IsPreview && s.ComprehensionPassed != null)
            .GroupBy(s => s.Platform)
            .Select(g => new ScreeningCount(g.Key, g.Count(), g.Count(s => s.Step != Data.Entities.TaskStep.ScreeningFailed)))
            .ToListAsync(cancellationToken);

        return new StudyParts(
            study.Name,
            new Dictionary<Platform, int>
            {
                [Platform.MTurk] = study.RatingsPerVariantMTurk,
                [Platform.Credamo] = study.RatingsPerVariantCredamo,
                [Platform.Direct] = study.RatingsPerVariantDirect,
            },
            variants,
            held.ToDictionary(h => (h.VariantId, h.Platform), h => h.Count),
            screening,
            now);
    }
}
