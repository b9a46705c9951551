using Microsoft.EntityFrameworkCore;
using PainBias.Data;
using PainBias.Data.Blobs;
using PainBias.Web.Features.Studies;
using PainBias.Web.Hosting;

namespace PainBias.Web.Features.Images;

/// <summary>Serves stored images to researchers who own a study that uses them (admins: any).</summary>
public sealed class ImageAccess(IDbContextFactory<PainBiasDbContext> contexts, IBlobStore blobs)
{
    public async Task<StoredBlob?> GetForResearcherAsync(string sha256, Actor actor, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var visible = db.Studies.VisibleTo(actor).Select(s => s.Id);
        var allowed = await db.SourceFaces.AnyAsync(f => f.OriginalSha256 == sha256 && visible.Contains(f.StudyId), cancellationToken)
            || await db.Variants.AnyAsync(v => v.ImageSha256 == sha256 && visible.Contains(v.StudyId), cancellationToken);
        return allowed ? await blobs.GetAsync(sha256, cancellationToken) : null;
    }
}
