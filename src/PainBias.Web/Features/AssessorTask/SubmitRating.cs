using Microsoft.EntityFrameworkCore;
using PainBias.Core.Domain;
using PainBias.Data;
using PainBias.Data.Entities;

namespace PainBias.Web.Features.AssessorTask;

/// <summary>
/// Stores one rating of the session's own slot. Checks everything before writing (the variant is the one allocated to
/// this session, the hold is live, every field present and in range); PSPI comes from <see cref="AuRating"/>, never the
/// client. A double submit stores one assessment: the idempotency key and the reservation are unique in the database.
/// </summary>
public static class SubmitRating
{
    public sealed record Command(Guid SessionId, TaskForm Form);

    public sealed class Handler(IDbContextFactory<PainBiasDbContext> contexts, TimeProvider clock)
    {
        public async Task<IReadOnlyList<string>> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var session = await db.TaskSessions.SingleOrDefaultAsync(s => s.Id == command.SessionId, cancellationToken);
            return session is null ? [] : await HandleAsync(db, session, command.Form, cancellationToken);
        }

        /// <summary>The same, on a session the caller has just loaded (tracked) in <paramref name="db"/>: no second read.</summary>
        public async Task<IReadOnlyList<string>> HandleAsync(PainBiasDbContext db, TaskSession session, TaskForm form, CancellationToken cancellationToken)
        {
            if (session is not { Step: TaskStep.Rating })
                return [];
            var text = TaskText.For(session.Culture);
            var now = clock.GetUtcNow().UtcDateTime;
            // One round trip for everything the checks need (the reservation is tracked: it is updated below). Scalar
            // subqueries only, which SQLite translates too.
            var repeated = form.IdempotencyKey;
            var facts = await db.Reservations.Where(r => r.Id == session.ReservationId).Select(r => new
            {
                Reservation = r,
                Repeat = repeated != null && db.Assessments.Any(a => a.IdempotencyKey == repeated && a.WorkerId == session.WorkerId),
                Rated = db.Assessments.Count(a => a.StudyId == session.StudyId && a.WorkerId == session.WorkerId),
                MinSeconds = db.Studies.Where(s => s.Id == session.StudyId).Select(s => s.MinSecondsPerRating).First(),
                Images = db.Studies.Where(s => s.Id == session.StudyId).Select(s => s.ImagesPerAssessor).First(),
                ExcludeFor = db.Studies.Where(s => s.Id == session.StudyId).Select(s => s.ExcludeFor).First(),
                RejectFor = db.Studies.Where(s => s.Id == session.StudyId).Select(s => s.RejectFor).First(),
                MaxSessionsPerNetwork = db.Studies.Where(s => s.Id == session.StudyId).Select(s => s.MaxSessionsPerNetwork).First(),
            }).SingleOrDefaultAsync(cancellationToken);
            // A repeat of a submit that was already stored (double click, Back and submit again): nothing more to do.
            if (facts?.Repeat ?? (repeated is not null && await db.Assessments.AnyAsync(a => a.IdempotencyKey == repeated && a.WorkerId == session.WorkerId, cancellationToken)))
                return [];
            if (facts?.Reservation is not { } reservation)
                return [text["Rating.Reload"]];
            if (form.VariantId != reservation.VariantId)
            {
                // A variant this worker held before (its hold ran out and a new slot was given) is a late post, not tampering.
                var heldBefore = await db.Reservations.AnyAsync(
                    r => r.StudyId == session.StudyId && r.WorkerId == session.WorkerId && r.VariantId == form.VariantId, cancellationToken);
                return [text[heldBefore ? "Rating.Expired" : "Rating.NotYours"]];
            }
            if (reservation.Status != ReservationStatus.Held || reservation.HeldUntil <= now)
                return [text["Rating.Expired"]];

            var errors = Validate(form, text, out var rating);
            if (errors.Count > 0 || rating is null || form.IdempotencyKey is not { } key)
                return errors.Count > 0 ? errors : [text["Rating.Reload"]];

            var minSeconds = facts.MinSeconds;
            var rated = facts.Rated + 1;
            var startedAt = session.RatingShownAt ?? now;
            var reasons = (now - startedAt).TotalSeconds < minSeconds ? ExclusionReason.TooFast : ExclusionReason.None;
            if (session.IsPreview)
                reasons |= ExclusionReason.Preview;
            var assessment = new Assessment
            {
                Id = Guid.NewGuid(), StudyId = session.StudyId, VariantId = reservation.VariantId, WorkerId = session.WorkerId,
                ReservationId = reservation.Id, Platform = session.Platform, IdempotencyKey = key,
                PerceivedRaceAnswer = Enum.Parse<Race>(form.PerceivedRace!), PerceivedAgeAnswer = Enum.Parse<AgeGroup>(form.PerceivedAge!),
                LooksEditedAnswer = form.LooksEdited == "yes", AttentionPassed = form.Attention == "slightly",
                StartedAt = startedAt, SubmittedAt = now, ExclusionReasons = reasons,
            };
            assessment.SetRating(rating);
            // The checks and bot signals are stored as flags; the study's rules decide which of them exclude.
            var perceived = await db.Variants.Where(v => v.Id == reservation.VariantId)
                .Select(v => new { v.Condition, v.SourceFace!.Race, v.SourceFace.AgeGroup }).SingleAsync(cancellationToken);
            var rules = new ExclusionRules(facts.ExcludeFor, facts.RejectFor);
            assessment.ExclusionReasons |= RatingChecks.Own(assessment, perceived.Condition.PerceivedRace(perceived.Race),
                perceived.Condition.PerceivedAge(perceived.AgeGroup), !string.IsNullOrEmpty(form.Website));
            await RatingChecks.FlagAcrossAsync(db, assessment, rated - 1, session.NetworkHash, facts.MaxSessionsPerNetwork, rules, cancellationToken);
            assessment.Included = rules.Includes(assessment.ExclusionReasons);
            db.Assessments.Add(assessment);
            reservation.Status = ReservationStatus.Submitted;
            if (rated < facts.Images)
            {
                // More images to rate: the next page load allocates the next slot (never a face already seen).
                session.ReservationId = null;
                session.RatingShownAt = null;
            }
            else
            {
                session.Step = TaskStep.Completed;
                session.FinishedAt = now;
                session.CompletionCode = session.IssuedCompletionCode ?? CompletionCodes.New();
            }
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException ex)
            {
                // A concurrent submit of the same slot won the unique index: that rating stands and both see its completion.
                await using var fresh = await contexts.CreateDbContextAsync(cancellationToken);
                if (await fresh.Assessments.AnyAsync(a => a.ReservationId == reservation.Id, cancellationToken))
                    return [];
                // The session moved on in another request meanwhile (nothing was stored): show where it is now.
                if (ex is DbUpdateConcurrencyException)
                    return [text["Rating.Reload"]];
                throw;
            }
            return [];
        }

        private static List<string> Validate(TaskForm form, TaskText text, out AuRating? rating)
        {
            var errors = new List<string>();
            rating = AuAnswers.Read(form, text, errors);
            Require(form.Attention is "not-at-all" or "slightly" or "very", "Attention.Question");
            Require(form.PerceivedRace is nameof(Race.W) or nameof(Race.B), "Race.Question");
            Require(form.PerceivedAge is nameof(AgeGroup.Young) or nameof(AgeGroup.Senior), "Age.Question");
            Require(form.LooksEdited is "yes" or "no", "Quality.Question");
            if (form.IdempotencyKey is null)
                errors.Add(text["Rating.Reload"]);
            return errors;

            void Require(bool ok, string questionKey)
            {
                if (!ok)
                    errors.Add(text.Format("Field.Missing", text[questionKey]));
            }
        }
    }
}
