using Microsoft.EntityFrameworkCore;
using PainBias.Core.Domain;
using PainBias.Data;
using PainBias.Data.Blobs;
using PainBias.Data.Entities;

namespace PainBias.Web.Features.AssessorTask;

/// <summary>
/// The image a session is rating, and only while it is rating it: the URL names the session, never the variant. Only
/// for a request <c>mayView</c> allows for the session's platform (its browser, see <see cref="TaskSessionBinding"/>).
/// </summary>
public sealed class SessionImage(IDbContextFactory<PainBiasDbContext> contexts, IBlobStore blobs)
{
    public async Task<StoredBlob?> GetAsync(Guid sessionId, Func<Platform, bool> mayView, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var shown = await (
                from session in db.TaskSessions
                where session.Id == sessionId && session.Step == TaskStep.Rating
                join reservation in db.Reservations on session.ReservationId equals reservation.Id
                join variant in db.Variants on reservation.VariantId equals variant.Id
                select new { variant.ImageSha256, session.Platform })
            .SingleOrDefaultAsync(cancellationToken);
        return shown is null || !mayView(shown.Platform) ? null : await blobs.GetAsync(shown.ImageSha256, cancellationToken);
    }

    /// <summary>The gold face a session is screening on now.</summary>
    public async Task<StoredBlob?> GetGoldAsync(Guid sessionId, Func<Platform, bool> mayView, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var session = await db.TaskSessions.AsNoTracking()
            .SingleOrDefaultAsync(s => s.Id == sessionId && s.Step == TaskStep.Screening, cancellationToken);
        if (session is null || !mayView(session.Platform))
            return null;
        var sha256 = await db.GoldItems.Where(g => g.StudyId == session.StudyId).OrderBy(g => g.Order).ThenBy(g => g.Id)
            .Skip(session.ScreeningIndex).Select(g => g.ImageSha256).FirstOrDefaultAsync(cancellationToken);
        return sha256 is null ? null : await blobs.GetAsync(sha256, cancellationToken);
    }
}
