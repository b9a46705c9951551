using Microsoft.EntityFrameworkCore;
using PainBias.Crowd.MTurk;
using PainBias.Data;
using PainBias.Data.Entities;

namespace PainBias.Web.Features.Crowd;

/// <summary>How many MTurk assignments the study needs (variants × k ÷ images per assessor) and how many launches already cover.</summary>
public sealed record MTurkQuota(int Needed, int Launched)
{
    public int Remaining => Math.Max(0, Needed - Launched);

    /// <summary>Launches that were published (or are being published) on the same marketplace count; drafts do not.</summary>
    public static async Task<MTurkQuota> ForAsync(PainBiasDbContext db, Study study, bool sandbox, Guid? except, CancellationToken ct)
    {
        var variants = await db.Variants.CountAsync(v => v.StudyId == study.Id, ct);
        var launched = await db.MTurkLaunches
            .Where(l => l.StudyId == study.Id && l.Sandbox == sandbox && l.Status != MTurkLaunchStatus.Draft && l.Id != except)
            .SumAsync(l => l.TotalAssignments, ct);
        return new MTurkQuota(HitBatches.Quota(variants, study.RatingsPerVariantMTurk, study.ImagesPerAssessor), launched);
    }
}
