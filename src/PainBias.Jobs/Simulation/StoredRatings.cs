using Microsoft.EntityFrameworkCore;
using PainBias.Core.Domain;
using PainBias.Core.Statistics;
using PainBias.Data;

namespace PainBias.Jobs.Simulation;

/// <summary>A study's stored ratings as the statistics engine reads them.</summary>
public static class StoredRatings
{
    /// <summary>Included ratings; with <paramref name="attentionPassedOnly"/> also leaves out those that missed the attention item.</summary>
    public static async Task<List<RatingObservation>> LoadAsync(PainBiasDbContext db, Guid studyId, bool attentionPassedOnly, CancellationToken cancellationToken)
    {
        var rows = await (
            from a in db.Assessments.AsNoTracking()
            join v in db.Variants on a.VariantId equals v.Id
            join f in db.SourceFaces on v.SourceFaceId equals f.Id
            where a.StudyId == studyId && a.Included && (!attentionPassedOnly || a.AttentionPassed == true)
            select new { a.Platform, a.WorkerId, f.Label, f.Gender, f.Race, f.AgeGroup, v.Condition, a.Au4, a.Au6, a.Au7, a.Au9, a.Au10, a.Au43 })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new RatingObservation(r.Platform.ToString(), r.WorkerId.ToString(), r.Label, r.Gender, r.Race, r.AgeGroup,
                r.Condition, r.Condition.PerceivedRace(r.Race), r.Condition.PerceivedAge(r.AgeGroup),
                AuRating.Create(r.Au4, r.Au6, r.Au7, r.Au9, r.Au10, r.Au43)))
            .ToList();
    }
}
