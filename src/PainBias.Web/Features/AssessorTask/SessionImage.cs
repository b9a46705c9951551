using Microsoft.EntityFrameworkCore;
using PainBias.Data;
using PainBias.Data.Blobs;
using PainBias.Data.Entities;

namespace PainBias.Web.Features.AssessorTask;

/// <summary>The image a session is rating, and only while it is rating it: the URL names the session, never the variant.</summary>
public sealed class SessionImage(IDbContextFactory<PainBiasDbContext> contexts, IBlobStore blobs)
{
    public async Task<StoredBlob?> GetAsync(Guid sessionId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var sha256 = await (
                from session in db.TaskSessions
                where session.Id == sessionId && session.Step == TaskStep.Rating
                join reservation in db.Reservations on session.ReservationId equals reservation.Id
                join variant in db.Variants on reservation.VariantId equals variant.Id
                select variant.ImageSha256)
            .SingleOrDefaultAsync(cancellationToken);
        return sha256 is null ? null : await blobs.GetAsync(sha256, cancellationToken);
    }

    /// <summary>The gold face a session is screening on now.</summary>
    public async Task<StoredBlob?> GetGoldAsync(Guid sessionId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var session = await db.TaskSessions.AsNoTracking()
            .SingleOrDefaultAsync(s => s.Id == sessionId && s.Step == TaskStep.Screening, cancellationToken);
        if (session is null)
            return null;
        var sha256 = await db.GoldItems.Where(g => g.StudyId == session.StudyId).OrderBy(g => g.Order).ThenBy(g => g.Id)
            .Skip(session.ScreeningIndex).Select(g => g.ImageSha256).FirstOrDefaultAsync(cancellationToken);
        return sha256 is null ? null : await blobs.GetAsync(sha256, cancellationToken);
    }
}
