using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PainBias.Core.Domain;
using PainBias.Data;
using PainBias.Data.Blobs;
using PainBias.Data.Entities;
using PainBias.Imaging.Decoding;
using PainBias.Imaging.Faces;
using PainBias.Imaging.Normalisation;
using PainBias.Imaging.Quality;
using PainBias.Imaging.Quality.Onnx;

namespace PainBias.Jobs.Quality;

/// <summary>
/// Checks every variant of a study against its original (keypoint drift, detail SSIM, the study's check models) and
/// stores one verdict per variant. Reentrant: a pair whose images and configuration are unchanged since its stored
/// verdict is skipped, and a verdict is written per pair, so a retry after a crash resumes where it stopped.
/// </summary>
public sealed class QualityCheckJob(
    IDbContextFactory<PainBiasDbContext> contexts,
    IBlobStore blobs,
    ImageDecoder decoder,
    IFaceDetector detector,
    FaceNormaliser normaliser,
    QualityModelSessions models,
    IOptions<QualityOptions> options,
    TimeProvider clock,
    ILogger<QualityCheckJob> logger)
{
    /// <summary>Returns how many pairs were (re)checked; pairs already checked with the same inputs are not counted.</summary>
    public async Task<int> RunAsync(Guid studyId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var study = await db.Studies.AsNoTracking().Where(s => s.Id == studyId).Select(s => new { s.Greyscale }).SingleOrDefaultAsync(cancellationToken);
        if (study is null)
        {
            logger.LogWarning("Quality check for study {StudyId} skipped: the study no longer exists", studyId);
            return 0;
        }

        var pairs = await (
            from v in db.Variants.AsNoTracking()
            where v.StudyId == studyId && v.Condition != Condition.Original
            join f in db.SourceFaces on v.SourceFaceId equals f.Id
            let original = db.Variants.Where(o => o.SourceFaceId == f.Id && o.Condition == Condition.Original).Select(o => o.ImageSha256).FirstOrDefault()
            select new Pair(v.Id, v.Condition, v.ImageSha256, original ?? f.OriginalSha256, f.Label))
            .ToListAsync(cancellationToken);
        var checkModels = await db.QualityModels.AsNoTracking().Where(m => m.StudyId == studyId).OrderBy(m => m.Name)
            .Select(m => new StoredModel(m.Name, m.ManifestJson, m.ModelSha256)).ToListAsync(cancellationToken);
        var thresholds = options.Value.Thresholds;
        var configuration = ConfigurationHash(thresholds, checkModels);
        var done = await db.QualityChecks.AsNoTracking().Where(c => c.StudyId == studyId)
            .ToDictionaryAsync(c => c.VariantId, c => (c.OriginalSha256, c.VariantSha256, c.ConfigurationSha256), cancellationToken);

        var check = new PairCheck(decoder, detector, thresholds);
        var loaded = checkModels.Select(m => Load(m, cancellationToken)).ToList();
        var count = 0;
        foreach (var pair in pairs.OrderBy(p => p.Label, StringComparer.Ordinal).ThenBy(p => p.Condition))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (done.TryGetValue(pair.VariantId, out var previous) && previous == (pair.OriginalSha256, pair.VariantSha256, configuration))
                continue;
            var verdict = await MeasureAsync(pair, study.Greyscale, check, loaded, cancellationToken);
            await SaveAsync(studyId, pair, configuration, thresholds, verdict, cancellationToken);
            count++;
        }
        logger.LogInformation("Quality check of study {StudyId}: {Checked} of {Pairs} pairs checked, the rest unchanged", studyId, count, pairs.Count);
        return count;
    }

    private async Task<Verdict> MeasureAsync(Pair pair, bool greyscale, PairCheck check, IReadOnlyList<LoadedModel> loaded, CancellationToken cancellationToken)
    {
        try
        {
            using var original = decoder.Decode(await BytesAsync(pair.OriginalSha256, cancellationToken));
            using var variant = decoder.Decode(await BytesAsync(pair.VariantSha256, cancellationToken));
            using var reference = PairInputs.Reference(original.Bitmap, variant.Bitmap, greyscale, normaliser);
            var result = check.Check(reference, variant.Bitmap);
            var reasons = new List<string>();
            if (!result.DriftPassed)
                reasons.Add($"Keypoints drifted {result.Drift:0.###} inter-ocular distances; the limit is {result.Thresholds.MaxDrift:0.###}.");
            if (!result.SimilarityPassed)
                reasons.Add($"Detail similarity (SSIM) {result.Similarity:0.###} is below {result.Thresholds.MinSimilarity:0.###}: texture or expression changed.");
            var modelResults = new List<ModelCheckResult>();
            foreach (var model in loaded)
            {
                if (model.Error is not null)
                {
                    reasons.Add(model.Error);
                    continue;
                }
                try
                {
                    var outcome = model.Check!.Evaluate(reference, variant.Bitmap, pair.Condition);
                    modelResults.Add(outcome);
                    if (outcome.Reason is not null)
                        reasons.Add(outcome.Reason);
                }
                catch (QualityModelException e)
                {
                    reasons.Add($"{model.Name} could not run: {e.Message}");
                }
            }
            return new Verdict(result.Drift, result.Similarity, null, reasons, modelResults);
        }
        catch (ImageRejectedException e)
        {
            return new Verdict(null, null, e.Message, [e.Message], []);
        }
        catch (ArgumentException e)
        {
            return new Verdict(null, null, e.Message, [e.Message], []);
        }
    }

    private async Task SaveAsync(Guid studyId, Pair pair, string configuration, PairCheckThresholds thresholds, Verdict verdict, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.QualityChecks.SingleOrDefaultAsync(c => c.VariantId == pair.VariantId, cancellationToken);
        if (row is null)
        {
            row = new QualityCheck { Id = Guid.CreateVersion7(), StudyId = studyId, VariantId = pair.VariantId, OriginalSha256 = "", VariantSha256 = "", ConfigurationSha256 = "" };
            db.QualityChecks.Add(row);
        }
        row.OriginalSha256 = pair.OriginalSha256;
        row.VariantSha256 = pair.VariantSha256;
        row.ConfigurationSha256 = configuration;
        row.Drift = verdict.Drift;
        row.Similarity = verdict.Similarity;
        row.MaxDrift = thresholds.MaxDrift;
        row.MinSimilarity = thresholds.MinSimilarity;
        row.Error = Truncate(verdict.Error, 2000);
        row.Reasons = Truncate(string.Join("\n", verdict.Reasons), 4000)!;
        row.Passed = verdict.Reasons.Count == 0;
        row.ModelResultsJson = verdict.Models.Count == 0 ? null : JsonSerializer.Serialize(verdict.Models, QualityModelManifest.Json);
        row.Node = Environment.MachineName;
        row.CheckedAt = clock.GetUtcNow().UtcDateTime;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (db.Entry(row).State == EntityState.Added)
        {
            // Another run of this job stored the same variant's verdict first; ours is computed from the same inputs.
            logger.LogInformation("Variant {VariantId} was checked concurrently; keeping the stored verdict", pair.VariantId);
        }
    }

    private LoadedModel Load(StoredModel model, CancellationToken cancellationToken)
    {
        try
        {
            var manifest = QualityModelManifest.Parse(model.ManifestJson);
            var loaded = models.Get(model.ModelSha256, manifest, () => BytesAsync(model.ModelSha256, cancellationToken).GetAwaiter().GetResult());
            return new LoadedModel(model.Name, loaded, null);
        }
        catch (QualityModelException e)
        {
            return new LoadedModel(model.Name, null, $"The check model '{model.Name}' could not be loaded: {e.Message}");
        }
    }

    private async Task<byte[]> BytesAsync(string sha256, CancellationToken cancellationToken) =>
        (await blobs.GetAsync(sha256, cancellationToken))?.Data
        ?? throw new ImageRejectedException(ImageRejectionReason.Empty, $"The stored file {sha256[..12]}… is missing from the blob store.");

    private static string ConfigurationHash(PairCheckThresholds thresholds, IEnumerable<StoredModel> checkModels)
    {
        var text = new StringBuilder(FormattableString.Invariant($"drift<={thresholds.MaxDrift:R};ssim>={thresholds.MinSimilarity:R}"));
        foreach (var m in checkModels)
            text.Append('\n').Append(m.ModelSha256).Append('\n').Append(m.ManifestJson);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    private static string? Truncate(string? text, int max) => text is null || text.Length <= max ? text : text[..(max - 1)] + "…";

    private sealed record Pair(Guid VariantId, Condition Condition, string VariantSha256, string OriginalSha256, string Label);

    private sealed record StoredModel(string Name, string ManifestJson, string ModelSha256);

    private sealed record LoadedModel(string Name, OnnxQualityCheck? Check, string? Error);

    private sealed record Verdict(double? Drift, double? Similarity, string? Error, IReadOnlyList<string> Reasons, IReadOnlyList<ModelCheckResult> Models);
}
