using Microsoft.EntityFrameworkCore;
using PainBias.Core.Domain;
using PainBias.Data;
using PainBias.Data.Entities;

namespace PainBias.Web.Features.AssessorTask;

/// <summary>
/// One gold face of the screening, and on the last one the comprehension question. Passing (every AU within the
/// gold item's tolerance on every face, and the question right) leads to rating; failing ends the task politely, is
/// recorded on the session, and cannot be retried: a worker has one session per study.
/// </summary>
public static class SubmitScreening
{
    public const string CorrectComprehension = "Au43";

    public sealed record Command(Guid SessionId, TaskForm Form);

    public sealed class Handler(IDbContextFactory<PainBiasDbContext> contexts, TimeProvider clock)
    {
        public async Task<IReadOnlyList<string>> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var session = await db.TaskSessions.SingleOrDefaultAsync(s => s.Id == command.SessionId, cancellationToken);
            if (session is not { Step: TaskStep.Screening })
                return [];
            var gold = await db.GoldItems.AsNoTracking().Where(g => g.StudyId == session.StudyId)
                .OrderBy(g => g.Order).ThenBy(g => g.Id).ToListAsync(cancellationToken);
            var form = command.Form;
            // A post for an earlier face (Back, a double click) is stale: the page shows the current face.
            if (session.ScreeningIndex >= gold.Count || form.ScreeningItem != gold[session.ScreeningIndex].Id)
                return [];
            var item = gold[session.ScreeningIndex];
            var last = session.ScreeningIndex == gold.Count - 1;

            var text = TaskText.For(session.Culture);
            var errors = new List<string>();
            var rating = AuAnswers.Read(form, text, errors);
            if (last && form.Comprehension is not ("Au4" or "Au9" or "Au43"))
                errors.Add(text.Format("Field.Missing", text["Comprehension.Question"]));
            if (errors.Count > 0 || rating is null)
                return errors;

            if (!Agrees(rating, item))
                session.ScreeningMisses++;
            session.ScreeningIndex++;
            if (last)
            {
                session.ComprehensionPassed = form.Comprehension == CorrectComprehension;
                if (session.ScreeningMisses == 0 && session.ComprehensionPassed == true)
                {
                    // The next page load allocates the slot.
                    session.Step = TaskStep.Rating;
                }
                else
                {
                    session.Step = TaskStep.ScreeningFailed;
                    session.FinishedAt = clock.GetUtcNow().UtcDateTime;
                }
            }
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                // The same face was posted twice at once and the other post counted it.
            }
            return [];
        }

        private static bool Agrees(AuRating rating, GoldItem gold) =>
            Math.Abs(rating.Au4 - gold.Au4) <= gold.Tolerance && Math.Abs(rating.Au6 - gold.Au6) <= gold.Tolerance
            && Math.Abs(rating.Au7 - gold.Au7) <= gold.Tolerance && Math.Abs(rating.Au9 - gold.Au9) <= gold.Tolerance
            && Math.Abs(rating.Au10 - gold.Au10) <= gold.Tolerance && rating.Au43 == gold.Au43;
    }
}
