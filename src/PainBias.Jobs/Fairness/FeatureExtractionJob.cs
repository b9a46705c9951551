using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using PainBias.Data;
using PainBias.Data.Blobs;
using PainBias.Data.Entities;
using PainBias.Imaging.Decoding;
using PainBias.Imaging.Features;

namespace PainBias.Jobs.Fairness;

/// <summary>
/// Computes the featurizer's vector for every variant image of a study that has none yet for this model file, and
/// caches it keyed by image and model SHA-256. Idempotent: a rerun or retry computes only what is missing, and a
/// concurrent run's row wins without a duplicate.
/// </summary>
public sealed class FeatureExtractionJob(
    IDbContextFactory<PainBiasDbContext> contexts, IBlobStore blobs, ImageDecoder decoder, IImageFeaturizer featurizer,
    TimeProvider clock, ILogger<FeatureExtractionJob> logger)
{
    /// <summary>The share of a run's progress bar that feature extraction takes.</summary>
    internal const double ProgressShare = 0.3;

    /// <summary>Returns how many vectors were computed. With a run id, reports progress on that run and fails it on unreadable images.</summary>
    [Queue(Queues.Gpu)]
    [AutomaticRetry(Attempts = 2, OnAttemptsExceeded = AttemptsExceededAction.Delete)]
    public async Task<int> RunAsync(Guid studyId, Guid? runId, CancellationToken cancellationToken)
    {
        List<string> images;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            var all = await db.Variants.AsNoTracking().Where(v => v.StudyId == studyId).Select(v => v.ImageSha256).Distinct().ToListAsync(cancellationToken);
            var done = await db.ImageFeatures.AsNoTracking()
                .Where(f => f.ModelSha256 == featurizer.ModelSha256 && all.Contains(f.ImageSha256)).Select(f => f.ImageSha256).ToListAsync(cancellationToken);
            images = all.Except(done).Order(StringComparer.Ordinal).ToList();
            if (runId is { } id)
                await db.FairnessRuns.Where(r => r.Id == id).ExecuteUpdateAsync(s => s
                    .SetProperty(r => r.FeatureModelSha256, featurizer.ModelSha256).SetProperty(r => r.Status, AnalysisStatus.Running), cancellationToken);
        }

        var progress = runId is { } run ? AnalysisProgress.ForRun(contexts, run) : null;
        for (var i = 0; i < images.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            progress?.Report(ProgressShare * i / images.Count, $"Extracting {featurizer.Name} features: {i} of {images.Count} images");
            float[] vector;
            try
            {
                var blob = await blobs.GetAsync(images[i], cancellationToken)
                    ?? throw new ImageRejectedException(ImageRejectionReason.Empty, $"The stored image {images[i][..12]}… is missing from the blob store.");
                using var decoded = decoder.Decode(blob.Data);
                vector = featurizer.Extract([decoded.Bitmap])[0];
            }
            catch (ImageRejectedException e) when (runId is not null)
            {
                await FairnessRunStatus.FailAsync(contexts, runId.Value, $"Image {images[i][..12]}… cannot be read: {e.Message}", clock, cancellationToken);
                return i;
            }

            if (vector.Any(v => !float.IsFinite(v)))
            {
                var message = $"{featurizer.Name} gave non-finite features for image {images[i][..12]}…; nothing was cached for it.";
                if (runId is null) throw new InvalidOperationException(message);
                await FairnessRunStatus.FailAsync(contexts, runId.Value, message, clock, cancellationToken);
                return i;
            }

            await SaveAsync(images[i], vector, cancellationToken);
        }

        progress?.Report(ProgressShare, $"Features ready ({images.Count} computed, the rest cached)", force: true);
        logger.LogInformation("Features for study {StudyId}: {Computed} computed with {Model} {Sha}", studyId, images.Count, featurizer.Name, featurizer.ModelSha256[..12]);
        return images.Count;
    }

    private async Task SaveAsync(string imageSha256, float[] vector, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.ImageFeatures.Add(new ImageFeature
        {
            Id = Guid.CreateVersion7(), ImageSha256 = imageSha256, ModelSha256 = featurizer.ModelSha256, Extractor = featurizer.Name,
            Dimensions = vector.Length, Values = ImageFeature.ToBytes(vector), Node = Environment.MachineName, CreatedAt = clock.GetUtcNow().UtcDateTime,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another worker cached the same image under the same model first; the vectors are the same.
            logger.LogInformation("Features of image {Sha} were cached concurrently; keeping the stored row", imageSha256[..12]);
        }
    }
}
