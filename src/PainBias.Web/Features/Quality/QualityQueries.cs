using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PainBias.Core.Domain;
using PainBias.Data;
using PainBias.Imaging.Quality.Onnx;
using PainBias.Jobs.Quality;
using PainBias.Web.Features.Studies;
using PainBias.Web.Hosting;
using Microsoft.Extensions.Options;

namespace PainBias.Web.Features.Quality;

public sealed class QualityQueries(IDbContextFactory<PainBiasDbContext> contexts, IOptions<QualityOptions> options)
{
    /// <summary>Null when the study does not exist or is not the actor's.</summary>
    public async Task<QualityReport?> GetAsync(Guid studyId, Actor actor, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var study = await db.Studies.AsNoTracking().VisibleTo(actor).Where(s => s.Id == studyId).Select(s => new { s.Id, s.Name }).SingleOrDefaultAsync(cancellationToken);
        if (study is null)
            return null;

        var rows = await (
            from v in db.Variants.AsNoTracking()
            where v.StudyId == studyId && v.Condition != Condition.Original
            join f in db.SourceFaces on v.SourceFaceId equals f.Id
            join c in db.QualityChecks on v.Id equals c.VariantId into checks
            from c in checks.DefaultIfEmpty()
            select new { v.Id, f.Label, v.Condition, v.Editor, v.ImageSha256, Check = c })
            .ToListAsync(cancellationToken);
        var variants = rows
            .Select(r =>
            {
                var current = r.Check is not null && r.Check.VariantSha256 == r.ImageSha256;
                var status = !current ? VariantQuality.Pending : r.Check!.Passed ? VariantQuality.Pass : VariantQuality.Fail;
                return new VariantQuality(r.Id, r.Label, r.Condition, r.Editor, r.ImageSha256, status,
                    current ? r.Check!.Drift : null, current ? r.Check!.Similarity : null,
                    current && r.Check!.Reasons.Length > 0 ? r.Check.Reasons.Split('\n') : [],
                    current && r.Check!.ModelResultsJson is { } json ? JsonSerializer.Deserialize<List<ModelCheckResult>>(json, QualityModelManifest.Json) ?? [] : [],
                    current ? r.Check!.CheckedAt : null);
            })
            .OrderBy(v => v.Face, StringComparer.OrdinalIgnoreCase).ThenBy(v => v.Condition)
            .ToList();

        var models = (await db.QualityModels.AsNoTracking().Where(m => m.StudyId == studyId).OrderBy(m => m.Name).ToListAsync(cancellationToken))
            .Select(m => new QualityModelRow(m.Id, m.Name, m.Kind, Threshold(m.ManifestJson), m.ModelSha256, m.FileName, m.CreatedAt))
            .ToList();
        return new QualityReport(study.Id, study.Name, options.Value.MaxDrift, options.Value.MinSimilarity, variants, Summarise(variants), models);
    }

    public static IReadOnlyList<ConditionQuality> Summarise(IReadOnlyList<VariantQuality> variants) =>
        [.. variants.GroupBy(v => v.Condition).OrderBy(g => g.Key).Select(g =>
        {
            var drifts = g.Where(v => v.Drift is not null).Select(v => v.Drift!.Value).Order().ToList();
            var similarities = g.Where(v => v.Similarity is not null).Select(v => v.Similarity!.Value).ToList();
            return new ConditionQuality(g.Key, g.Count(), g.Count(v => v.Status != VariantQuality.Pending),
                g.Count(v => v.Status == VariantQuality.Pass), g.Count(v => v.Status == VariantQuality.Fail),
                drifts.Count == 0 ? null : DriftPlot.Quantile(drifts, 0.5), drifts.Count == 0 ? null : drifts[^1],
                similarities.Count == 0 ? null : similarities.Average());
        })];

    private static double? Threshold(string manifestJson)
    {
        try
        {
            return QualityModelManifest.Parse(manifestJson).Threshold;
        }
        catch (QualityModelException)
        {
            return null;
        }
    }
}
