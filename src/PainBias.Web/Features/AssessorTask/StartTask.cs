using Microsoft.EntityFrameworkCore;
using PainBias.Core.Domain;
using PainBias.Data;
using PainBias.Data.Entities;

namespace PainBias.Web.Features.AssessorTask;

/// <summary>An arrival from a link or from MTurk: finds or creates the worker and their one session in the study.</summary>
public static class StartTask
{
    public sealed record Command(
        Guid StudyId, Platform Platform, string ExternalWorkerId, string Culture,
        string? AssignmentId = null, string? HitId = null, string? TurkSubmitTo = null, bool Preview = false,
        string? IssuedCompletionCode = null, System.Net.IPAddress? ClientAddress = null);

    public enum Refusal { None, UnknownStudy, Blocked, AlreadyUsed, Excluded, TookPartInLinkedStudy }

    public sealed record Result(Guid? SessionId, Refusal Refusal);

    public sealed class Handler(IDbContextFactory<PainBiasDbContext> contexts, TimeProvider clock)
    {
        public async Task<Result> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            for (var attempt = 0; ; attempt++)
            {
                try
                {
                    return await TryAsync(command, cancellationToken);
                }
                catch (DbUpdateException) when (attempt < 2)
                {
                    // The same worker arrived twice at once and the other request created the rows: read them instead.
                }
            }
        }

        private async Task<Result> TryAsync(Command command, CancellationToken cancellationToken)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var now = clock.GetUtcNow().UtcDateTime;
            // One round trip: the study's quotas and whether this worker is on its exclusion list.
            var study = await db.Studies.AsNoTracking().Where(s => s.Id == command.StudyId).Select(s => new
            {
                s.Id, s.RatingsPerVariantMTurk, s.RatingsPerVariantCredamo, s.RatingsPerVariantDirect, s.ExportSalt,
                Excluded = db.StudyExclusions.Any(e => e.StudyId == s.Id && e.Platform == command.Platform && e.ExternalId == command.ExternalWorkerId),
            }).SingleOrDefaultAsync(cancellationToken);
            var quota = command.Platform switch
            {
                Platform.MTurk => study?.RatingsPerVariantMTurk,
                Platform.Credamo => study?.RatingsPerVariantCredamo,
                Platform.Direct => study?.RatingsPerVariantDirect,
                _ => null,
            };
            if (study is null || quota is null or 0)
                return new Result(null, Refusal.UnknownStudy);
            if (study.Excluded)
                return new Result(null, Refusal.Excluded);

            var worker = await db.Workers.SingleOrDefaultAsync(
                w => w.Platform == command.Platform && w.ExternalId == command.ExternalWorkerId, cancellationToken);
            if (worker is null)
            {
                worker = new Worker { Id = Guid.NewGuid(), Platform = command.Platform, ExternalId = command.ExternalWorkerId, FirstSeenAt = now };
                db.Workers.Add(worker);
            }
            else if (worker.Blocked)
            {
                return new Result(null, Refusal.Blocked);
            }

            // A worker created just now has no session yet.
            var session = db.Entry(worker).State == EntityState.Added ? null : await db.TaskSessions.AsNoTracking()
                .SingleOrDefaultAsync(s => s.StudyId == study.Id && s.WorkerId == worker.Id, cancellationToken);
            if (session is not null)
            {
                // A returning worker resumes; on MTurk only within the assignment that started the session, so a
                // guessed worker id alone cannot take over someone else's task.
                return command.AssignmentId is not null && session.AssignmentId != command.AssignmentId
                    ? new Result(null, Refusal.AlreadyUsed)
                    : new Result(session.Id, Refusal.None);
            }

            // Linked studies keep their workers apart, in both directions: a worker who took part in one is refused by the other.
            if (!command.Preview && await TookPartInLinkedStudyAsync(db, study.Id, worker.Id, cancellationToken))
                return new Result(null, Refusal.TookPartInLinkedStudy);

            session = new TaskSession
            {
                Id = Guid.NewGuid(), StudyId = study.Id, WorkerId = worker.Id, Platform = command.Platform, Culture = command.Culture,
                Step = TaskStep.Consent, CreatedAt = now, IsPreview = command.Preview, IssuedCompletionCode = command.IssuedCompletionCode,
                AssignmentId = command.AssignmentId, HitId = command.HitId, TurkSubmitTo = command.TurkSubmitTo?.TrimEnd('/'),
                NetworkHash = ClientNetwork.Hash(command.ClientAddress, study.ExportSalt),
            };
            db.TaskSessions.Add(session);
            await db.SaveChangesAsync(cancellationToken);
            return new Result(session.Id, Refusal.None);
        }

        private static async Task<bool> TookPartInLinkedStudyAsync(PainBiasDbContext db, Guid studyId, Guid workerId, CancellationToken ct)
        {
            var linked = db.StudyLinks.Where(l => l.StudyId == studyId).Select(l => l.LinkedStudyId)
                .Concat(db.StudyLinks.Where(l => l.LinkedStudyId == studyId).Select(l => l.StudyId));
            // One round trip: the links of both directions as a subquery of the session look-up.
            return await db.TaskSessions.AnyAsync(s => s.WorkerId == workerId && !s.IsPreview && linked.Contains(s.StudyId), ct);
        }
    }
}
