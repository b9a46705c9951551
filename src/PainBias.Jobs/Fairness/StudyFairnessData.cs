using Microsoft.EntityFrameworkCore;
using PainBias.Core.Domain;
using PainBias.Core.Fairness;
using PainBias.Data;

namespace PainBias.Jobs.Fairness;

/// <summary>Reads a study's variants with their included ratings' PSPI and cached features into the fairness engine's input.</summary>
public static class StudyFairnessData
{
    public static async Task<List<FairnessImage>> LoadAsync(PainBiasDbContext db, Guid studyId, string featureModelSha256, CancellationToken cancellationToken)
    {
        var variants = await (
            from v in db.Variants.AsNoTracking()
            where v.StudyId == studyId
            join f in db.SourceFaces on v.SourceFaceId equals f.Id
            select new { v.Id, v.SourceFaceId, v.Condition, f.Gender, f.Race, f.AgeGroup, f.Label, v.ImageSha256 })
            .ToListAsync(cancellationToken);
        var ratings = (await db.Assessments.AsNoTracking().Where(a => a.StudyId == studyId && a.Included)
                .Select(a => new { a.VariantId, a.Pspi }).ToListAsync(cancellationToken))
            .ToLookup(a => a.VariantId, a => (double)a.Pspi);
        var shas = variants.Select(v => v.ImageSha256).Distinct().ToList();
        var features = (await db.ImageFeatures.AsNoTracking().Where(f => f.ModelSha256 == featureModelSha256 && shas.Contains(f.ImageSha256))
                .ToListAsync(cancellationToken))
            .ToDictionary(f => f.ImageSha256, f => f.ToVector());

        var missing = variants.Where(v => !features.ContainsKey(v.ImageSha256)).ToList();
        if (missing.Count > 0)
            throw new FairnessDataException($"{missing.Count} variant(s) have no cached features (e.g. face {missing[0].Label} {missing[0].Condition}); run the feature extraction again.");

        return variants
            .OrderBy(v => v.Label, StringComparer.Ordinal).ThenBy(v => v.Condition)
            .Select(v => new FairnessImage(v.Id, v.SourceFaceId, v.Condition, v.Gender, v.Race, v.AgeGroup,
                ratings[v.Id].ToList(), features[v.ImageSha256].Select(x => (double)x).ToArray()))
            .ToList();
    }

    /// <summary>Face labels by id, so error messages can name faces the way the researcher knows them.</summary>
    public static async Task<Dictionary<Guid, string>> FaceLabelsAsync(PainBiasDbContext db, Guid studyId, CancellationToken cancellationToken) =>
        await db.SourceFaces.AsNoTracking().Where(f => f.StudyId == studyId).ToDictionaryAsync(f => f.Id, f => f.Label, cancellationToken);

    /// <summary>Replaces face ids in an engine message with the researcher's labels.</summary>
    public static string WithLabels(string message, IReadOnlyDictionary<Guid, string> labels) =>
        labels.Aggregate(message, (m, l) => m.Replace(l.Key.ToString(), $"'{l.Value}'", StringComparison.Ordinal));

    internal static Condition[] Conditions => Enum.GetValues<Condition>();
}
