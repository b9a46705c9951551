using Microsoft.EntityFrameworkCore;
using PainBias.Core.Domain;
using PainBias.Data;
using PainBias.Web.Hosting;

namespace PainBias.Web.Features.Studies;

public sealed record StudySummary(Guid Id, string Name, bool IsDemo, DateTime CreatedAt, int Faces, int Variants);

public sealed record StudyDetails(
    Guid Id, string Name, string Description, bool IsDemo, DateTime CreatedAt, int ImageSize, bool Greyscale,
    int RatingsPerVariantMTurk, int RatingsPerVariantCredamo, int RatingsPerVariantDirect, int ImagesPerAssessor, int HoldMinutes,
    IReadOnlyList<FaceRow> Faces);

public sealed record FaceRow(Guid Id, string Label, Gender Gender, Race Race, AgeGroup AgeGroup, string OriginalSha256,
    IReadOnlyList<VariantRow> Variants);

public sealed record VariantRow(Guid Id, Condition Condition, string ImageSha256, string Editor);

public sealed class StudyQueries(IDbContextFactory<PainBiasDbContext> contexts)
{
    public async Task<IReadOnlyList<StudySummary>> ListAsync(Actor actor, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.Studies.AsNoTracking().VisibleTo(actor)
            .Select(s => new StudySummary(s.Id, s.Name, s.IsDemo, s.CreatedAt, s.SourceFaces.Count,
                db.Variants.Count(v => v.StudyId == s.Id)))
            .ToListAsync(cancellationToken);
        return [.. rows.OrderByDescending(s => s.CreatedAt)];
    }

    /// <summary>Null when the study does not exist or the actor may not see it (the page says "not found" either way).</summary>
    public async Task<StudyDetails?> GetAsync(Guid studyId, Actor actor, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var study = await db.Studies.AsNoTracking().VisibleTo(actor)
            .Include(s => s.SourceFaces).ThenInclude(f => f.Variants)
            .AsSplitQuery()
            .SingleOrDefaultAsync(s => s.Id == studyId, cancellationToken);
        if (study is null)
            return null;
        var faces = study.SourceFaces
            .OrderBy(f => f.Label, StringComparer.OrdinalIgnoreCase)
            .Select(f => new FaceRow(f.Id, f.Label, f.Gender, f.Race, f.AgeGroup, f.OriginalSha256,
                [.. f.Variants.OrderBy(v => v.Condition).Select(v => new VariantRow(v.Id, v.Condition, v.ImageSha256, v.Editor))]))
            .ToList();
        return new StudyDetails(study.Id, study.Name, study.Description, study.IsDemo, study.CreatedAt, study.ImageSize, study.Greyscale,
            study.RatingsPerVariantMTurk, study.RatingsPerVariantCredamo, study.RatingsPerVariantDirect, study.ImagesPerAssessor,
            study.HoldMinutes, faces);
    }
}
