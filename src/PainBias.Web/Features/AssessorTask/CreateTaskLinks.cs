using Microsoft.EntityFrameworkCore;
using PainBias.Core.Domain;
using PainBias.Data;
using PainBias.Web.Features.ParticipantLinks;
using PainBias.Web.Features.Studies;
using PainBias.Web.Hosting;

namespace PainBias.Web.Features.AssessorTask;

/// <summary>
/// Signed links for new participants of a study (lab, panel or Credamo): one random participant id each. Preview links
/// let the researcher take the task as an assessor would; their ratings are stored excluded (reason Preview).
/// </summary>
public static class CreateTaskLinks
{
    public const int MaxCount = 1000;

    public sealed record Command(Guid StudyId, int Count, Platform Platform, string Culture, string BaseUrl, bool Preview = false);

    public sealed class Handler(IDbContextFactory<PainBiasDbContext> contexts, TaskLinks links, IssueParticipantLinks.Handler issue)
    {
        /// <summary>The links, or null when the study does not exist or is not the actor's.</summary>
        public async Task<IReadOnlyList<string>?> HandleAsync(Command command, Actor actor, CancellationToken cancellationToken)
        {
            if (command.Count is < 1 or > MaxCount)
                throw new ArgumentOutOfRangeException(nameof(command), command.Count, $"count must be 1..{MaxCount}.");
            // Participant links are stored and single-use; only previews stay plain signed tokens.
            if (!command.Preview)
            {
                var issued = await issue.HandleAsync(
                    new IssueParticipantLinks.Command(command.StudyId, command.Count, command.Platform, command.Culture, command.BaseUrl), actor, cancellationToken);
                return issued?.Select(l => l.Link).ToList();
            }
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            if (!await db.Studies.VisibleTo(actor).AnyAsync(s => s.Id == command.StudyId, cancellationToken))
                return null;
            var baseUrl = command.BaseUrl.TrimEnd('/');
            return Enumerable.Range(0, command.Count)
                .Select(_ => $"{baseUrl}/task/{links.CreateForNewParticipant(command.StudyId, command.Platform, command.Culture, command.Preview)}")
                .ToList();
        }
    }
}
