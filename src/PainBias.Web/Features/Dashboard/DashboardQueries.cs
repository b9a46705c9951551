using Microsoft.EntityFrameworkCore;
using PainBias.Core.Domain;
using PainBias.Data;
using PainBias.Data.Allocation;
using PainBias.Data.Entities;
using PainBias.Web.Features.Studies;
using PainBias.Web.Hosting;

namespace PainBias.Web.Features.Dashboard;

/// <summary>Loads a study's variants, ratings, holds and screening outcomes in a few projections and computes the dashboard.</summary>
public sealed class DashboardQueries(IDbContextFactory<PainBiasDbContext> contexts, TimeProvider clock)
{
    /// <summary>Null when the study does not exist or is not the actor's.</summary>
    public async Task<DashboardView?> GetAsync(Guid studyId, Actor actor, double? targetHalfWidth, CancellationToken cancellationToken) =>
        await LoadAsync(studyId, actor, cancellationToken) is { } input ? DashboardBuilder.Build(input, targetHalfWidth) : null;

    public async Task<DashboardInput?> LoadAsync(Guid studyId, Actor actor, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
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
        var ratings = await db.Assessments.AsNoTracking().Where(a => a.StudyId == studyId)
            .Select(a => new { a.VariantId, a.WorkerId, a.Platform, a.Au4, a.Au6, a.Au7, a.Au9, a.Au10, a.Au43,
                a.PerceivedRaceAnswer, a.PerceivedAgeAnswer, a.LooksEditedAnswer, a.SubmittedAt, a.Included, a.ExclusionReasons })
            .ToListAsync(cancellationToken);
        // Held as the allocator counts it: a hold that has not run out, plus the submit grace.
        var heldAfter = now - SlotAllocator.SubmitGrace;
        var held = await db.Reservations.AsNoTracking()
            .Where(r => r.StudyId == studyId && r.Status == ReservationStatus.Held && r.HeldUntil > heldAfter)
            .GroupBy(r => new { r.VariantId, r.Platform })
            .Select(g => new { g.Key.VariantId, g.Key.Platform, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var screening = await db.TaskSessions.AsNoTracking()
            .Where(s => s.StudyId == studyId && !s.IsPreview && s.ComprehensionPassed != null)
            .GroupBy(s => s.Platform)
            .Select(g => new ScreeningCount(g.Key, g.Count(), g.Count(s => s.Step != TaskStep.ScreeningFailed)))
            .ToListAsync(cancellationToken);

        return new DashboardInput(
            studyId, study.Name,
            new Dictionary<Platform, int>
            {
                [Platform.MTurk] = study.RatingsPerVariantMTurk,
                [Platform.Credamo] = study.RatingsPerVariantCredamo,
                [Platform.Direct] = study.RatingsPerVariantDirect,
            },
            variants,
            [.. ratings.Select(a => new DashboardRating(a.VariantId, a.WorkerId, a.Platform,
                AuRating.Create(a.Au4, a.Au6, a.Au7, a.Au9, a.Au10, a.Au43),
                a.PerceivedRaceAnswer, a.PerceivedAgeAnswer, a.LooksEditedAnswer, a.SubmittedAt, a.Included, a.ExclusionReasons))],
            held.ToDictionary(h => (h.VariantId, h.Platform), h => h.Count),
            screening,
            now);
    }
}
