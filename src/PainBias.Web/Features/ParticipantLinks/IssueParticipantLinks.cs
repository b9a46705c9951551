using Microsoft.EntityFrameworkCore;
using PainBias.Core.Domain;
using PainBias.Crowd.Credamo;
using PainBias.Data;
using PainBias.Data.Entities;
using PainBias.Web.Features.AssessorTask;
using PainBias.Web.Features.Audit;
using PainBias.Web.Features.Studies;
using PainBias.Web.Hosting;

namespace PainBias.Web.Features.ParticipantLinks;

/// <summary>
/// Issues single-use links for lab, panel or Credamo participants: each is stored with its participant id and the
/// completion code the participant will be shown, so the researcher can hand out the codes (Credamo) and reconcile
/// them later.
/// </summary>
public static class IssueParticipantLinks
{
    public const int MaxCount = 1000;

    public sealed record Command(Guid StudyId, int Count, Platform Platform, string Culture, string BaseUrl);

    public sealed class Handler(IDbContextFactory<PainBiasDbContext> contexts, TaskLinks links, TimeProvider clock)
    {
        /// <summary>The links, or null when the study does not exist or is not the actor's.</summary>
        public async Task<IReadOnlyList<ParticipantLinkRow>?> HandleAsync(Command command, Actor actor, CancellationToken cancellationToken)
        {
            if (command.Count is < 1 or > MaxCount)
                throw new ArgumentOutOfRangeException(nameof(command), command.Count, $"count must be 1..{MaxCount}.");
            if (command.Platform == Platform.MTurk)
                throw new ArgumentException("MTurk workers arrive through the HIT, not through issued links.", nameof(command));
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            if (!await db.Studies.VisibleTo(actor).AnyAsync(s => s.Id == command.StudyId, cancellationToken))
                return null;
            var now = clock.GetUtcNow().UtcDateTime;
            var baseUrl = command.BaseUrl.TrimEnd('/');
            var rows = new List<ParticipantLinkRow>(command.Count);
            for (var i = 0; i < command.Count; i++)
            {
                var link = new ParticipantLink
                {
                    Id = Guid.NewGuid(), StudyId = command.StudyId, Platform = command.Platform, ParticipantId = TaskLinks.NewParticipantId(),
                    CompletionCode = CompletionCodes.New(), Culture = command.Culture, CreatedAt = now, CreatedBy = actor.UserId,
                };
                db.ParticipantLinks.Add(link);
                var token = links.Create(new TaskLink(command.StudyId, command.Platform, link.ParticipantId, command.Culture, LinkId: link.Id));
                rows.Add(new ParticipantLinkRow(link.ParticipantId, $"{baseUrl}/task/{token}", link.CompletionCode));
            }
            db.Audit(actor, now, "links.issue", "study", command.StudyId.ToString(), $"{command.Count} {command.Platform} links ({command.Culture})");
            await db.SaveChangesAsync(cancellationToken);
            return rows;
        }
    }
}
