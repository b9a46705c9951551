using Microsoft.EntityFrameworkCore;
using PainBias.Core.Domain;
using PainBias.Crowd.Simulation;
using PainBias.Data;

namespace PainBias.Jobs.Simulation;

/// <summary>What the bots of one study "see": every variant's face and perceived race and age, and the gold codes.</summary>
public static class StudyPerception
{
    public static async Task<TablePerception> LoadAsync(PainBiasDbContext db, Guid studyId, CancellationToken cancellationToken)
    {
        var variants = await db.Variants.AsNoTracking().Where(v => v.StudyId == studyId)
            .Join(db.SourceFaces, v => v.SourceFaceId, f => f.Id, (v, f) => new { v.Id, v.Condition, FaceId = f.Id, f.Race, f.AgeGroup })
            .ToListAsync(cancellationToken);
        var faces = variants.ToDictionary(v => v.Id, v => new SeenFace(v.FaceId.ToString(), v.Condition.PerceivedRace(v.Race),
            v.Condition.PerceivedAge(v.AgeGroup), v.Condition != Condition.Original));
        var gold = await db.GoldItems.AsNoTracking().Where(g => g.StudyId == studyId).ToListAsync(cancellationToken);
        return new TablePerception(faces, gold.ToDictionary(g => g.Id, g => AuRating.Create(g.Au4, g.Au6, g.Au7, g.Au9, g.Au10, g.Au43)));
    }
}
