using Microsoft.EntityFrameworkCore;
using PainBias.Core.Domain;
using PainBias.Data;
using PainBias.Data.Allocation;
using PainBias.Data.Entities;

namespace PainBias.Web.Features.AssessorTask;

/// <summary>What a task page shows for a session at its current step.</summary>
public sealed record TaskView(
    Guid SessionId, TaskStep Step, string Culture, Platform Platform, Guid? VariantId,
    string? CompletionCode, string? AssignmentId, string? TurkSubmitTo, bool IsPreview, int ImageNumber, int ImageCount,
    Guid? ScreeningItem = null);

/// <summary>
/// The task as a state machine stored in the database: consent → instructions → rating → completed (or declined, or
/// study full). Pages render <see cref="LoadAsync"/> and post to <see cref="SubmitAsync"/>; a post meant for another
/// step than the stored one (Back, a second tab, a double click) changes nothing.
/// </summary>
public sealed class TaskFlow(
    IDbContextFactory<PainBiasDbContext> contexts, SlotAllocator allocator, SubmitScreening.Handler screening, SubmitRating.Handler rating, TimeProvider clock)
{
    public async Task<TaskView?> LoadAsync(Guid sessionId, string? requestedCulture, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await LoadOnceAsync(sessionId, requestedCulture, cancellationToken);
            }
            catch (DbUpdateConcurrencyException) when (attempt < 3)
            {
                // Another request of this session moved it on meanwhile: read it again.
            }
        }
    }

    private async Task<TaskView?> LoadOnceAsync(Guid sessionId, string? requestedCulture, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var session = await db.TaskSessions.SingleOrDefaultAsync(s => s.Id == sessionId, cancellationToken);
        if (session is null)
            return null;
        var now = clock.GetUtcNow().UtcDateTime;
        if (TaskCultures.Match(requestedCulture) is { } culture && culture != session.Culture)
            session.Culture = culture;

        Guid? variantId = null;
        Guid? allocated = null;
        var progress = (Done: 0, Of: 1);
        if (session.Step == TaskStep.Rating)
        {
            // One round trip for the slot and the progress (scalar subqueries, which SQLite translates too).
            var facts = await db.Reservations.AsNoTracking().Where(r => r.Id == session.ReservationId).Select(r => new
            {
                Reservation = r,
                Rated = db.Assessments.Count(a => a.StudyId == session.StudyId && a.WorkerId == session.WorkerId),
                Images = db.Studies.Where(s => s.Id == session.StudyId).Select(s => s.ImagesPerAssessor).First(),
            }).SingleOrDefaultAsync(cancellationToken);
            // No slot yet (the next image of several): the progress alone.
            var rated = facts?.Rated ?? await db.Assessments.CountAsync(a => a.StudyId == session.StudyId && a.WorkerId == session.WorkerId, cancellationToken);
            var images = facts?.Images ?? await db.Studies.Where(s => s.Id == session.StudyId).Select(s => s.ImagesPerAssessor).SingleAsync(cancellationToken);
            var reservation = facts?.Reservation;
            if (reservation is null || reservation.Status != ReservationStatus.Held || reservation.HeldUntil <= now)
            {
                // The next image of several, or a hold that ran out before its rating arrived (its slot went back to
                // the pool): take the next eligible slot.
                reservation = await AssignSlotAsync(db, session, now, cancellationToken);
                allocated = reservation?.Id;
            }
            variantId = reservation?.VariantId;
            progress = (rated, images);
        }
        Guid? screeningItem = null;
        if (session.Step == TaskStep.Screening)
        {
            var gold = await db.GoldItems.Where(g => g.StudyId == session.StudyId).OrderBy(g => g.Order).ThenBy(g => g.Id)
                .Select(g => g.Id).ToListAsync(cancellationToken);
            screeningItem = gold.ElementAtOrDefault(session.ScreeningIndex);
            progress = (session.ScreeningIndex, gold.Count);
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException) when (allocated is not null)
        {
            // A submit (or another refresh) moved the session on while this request took a slot for it: give the
            // slot back unless the session that won points at it, then let the caller read the session again.
            await ReleaseIfOrphanedAsync(sessionId, allocated.Value, cancellationToken);
            throw;
        }
        return new TaskView(session.Id, session.Step, session.Culture, session.Platform, variantId,
            session.CompletionCode, session.AssignmentId, session.TurkSubmitTo, session.IsPreview, progress.Done + 1, progress.Of, screeningItem);
    }

    /// <summary>Applies a post; returns messages for the assessor, empty when the step moved on (or the post was stale).</summary>
    public async Task<IReadOnlyList<string>> SubmitAsync(Guid sessionId, TaskForm form, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var session = await db.TaskSessions.SingleOrDefaultAsync(s => s.Id == sessionId, cancellationToken);
        if (session is null || form.Step != session.Step.ToString())
            return [];
        var now = clock.GetUtcNow().UtcDateTime;
        switch (session.Step)
        {
            case TaskStep.Consent when form.Consent == "yes":
                session.ConsentedAt = now;
                session.Step = TaskStep.Instructions;
                break;
            case TaskStep.Consent when form.Consent == "no":
                session.Step = TaskStep.Declined;
                session.FinishedAt = now;
                break;
            case TaskStep.Consent:
                return [TaskText.For(session.Culture)["Consent.Missing"]];
            case TaskStep.Instructions:
                session.InstructionsDoneAt = now;
                // A study with gold faces screens first; the slot is taken only once the screening is passed.
                if (await db.GoldItems.AnyAsync(g => g.StudyId == session.StudyId, cancellationToken))
                    session.Step = TaskStep.Screening;
                else
                    await AssignSlotAsync(db, session, now, cancellationToken);
                break;
            case TaskStep.Screening:
                return await screening.HandleAsync(new SubmitScreening.Command(sessionId, form), cancellationToken);
            case TaskStep.Rating:
                return await rating.HandleAsync(db, session, form, cancellationToken);
            default:
                return [];
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // A second post of the same step won the race; the page shows wherever the session is now.
        }
        return [];
    }

    private async Task ReleaseIfOrphanedAsync(Guid sessionId, Guid reservationId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var current = await db.TaskSessions.Where(s => s.Id == sessionId).Select(s => s.ReservationId).SingleAsync(cancellationToken);
        if (current == reservationId)
            return;
        await db.Reservations
            .Where(r => r.Id == reservationId && r.Status == ReservationStatus.Held)
            .ExecuteUpdateAsync(r => r.SetProperty(x => x.Status, ReservationStatus.Released), cancellationToken);
    }

    private async Task<Reservation?> AssignSlotAsync(PainBiasDbContext db, TaskSession session, DateTime now, CancellationToken cancellationToken)
    {
        if (session.ReservationId is null && !session.IsPreview && await EnteredLinkedStudyFirstAsync(db, session, cancellationToken))
        {
            session.Step = TaskStep.LinkedStudy;
            session.FinishedAt = now;
            return null;
        }
        var reservation = await allocator.AllocateAsync(session.StudyId, session.WorkerId, session.Platform, now, cancellationToken);
        if (reservation is null)
        {
            // Nothing left to rate: an assessor who has rated something still finishes with a code.
            var hasRated = await db.Assessments.AnyAsync(a => a.StudyId == session.StudyId && a.WorkerId == session.WorkerId, cancellationToken);
            session.Step = hasRated ? TaskStep.Completed : TaskStep.StudyFull;
            session.CompletionCode = hasRated ? session.IssuedCompletionCode ?? CompletionCodes.New() : null;
            session.FinishedAt = now;
            return null;
        }
        session.Step = TaskStep.Rating;
        if (session.ReservationId != reservation.Id)
        {
            session.ReservationId = reservation.Id;
            session.RatingShownAt = now;
        }
        return reservation;
    }

    /// <summary>
    /// Entry refuses a worker who took part in a linked study; two entries at the same moment both pass it. Before
    /// the first slot, the session that began first keeps the worker and any later one in a linked study ends here.
    /// </summary>
    private static async Task<bool> EnteredLinkedStudyFirstAsync(PainBiasDbContext db, TaskSession session, CancellationToken ct)
    {
        var linked = await db.StudyLinks.Where(l => l.StudyId == session.StudyId).Select(l => l.LinkedStudyId)
            .Concat(db.StudyLinks.Where(l => l.LinkedStudyId == session.StudyId).Select(l => l.StudyId)).ToListAsync(ct);
        // Only before the worker's first slot here: a link added later never cuts off a task under way.
        if (linked.Count == 0 || await db.Reservations.AnyAsync(r => r.StudyId == session.StudyId && r.WorkerId == session.WorkerId, ct))
            return false;
        var others = await db.TaskSessions.AsNoTracking()
            .Where(s => s.WorkerId == session.WorkerId && !s.IsPreview && s.Id != session.Id && linked.Contains(s.StudyId))
            .Select(s => new { s.Id, s.CreatedAt }).ToListAsync(ct);
        return others.Any(o => o.CreatedAt < session.CreatedAt || (o.CreatedAt == session.CreatedAt && o.Id.CompareTo(session.Id) < 0));
    }
}
