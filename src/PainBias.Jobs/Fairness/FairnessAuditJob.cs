using System.Text.Json;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using PainBias.Core.Domain;
using PainBias.Core.Fairness;
using PainBias.Data;
using PainBias.Data.Blobs;
using PainBias.Data.Entities;
using PainBias.Imaging.Decoding;
using PainBias.Imaging.Inference;
using PainBias.Imaging.PainModels;
using PainBias.Imaging.Quality.Onnx;

namespace PainBias.Jobs.Fairness;

/// <summary>
/// Runs a researcher's ONNX pain model on every variant of the study and stores its individual fairness per pair type
/// and its group differences. All or nothing: a model that does not match its manifest, an unreadable image or a
/// non-finite output fails the audit with the reason, and no report is stored.
/// </summary>
public sealed class FairnessAuditJob(
    IDbContextFactory<PainBiasDbContext> contexts, IBlobStore blobs, ImageDecoder decoder, OnnxSessionFactory sessions,
    TimeProvider clock, ILogger<FairnessAuditJob> logger)
{
    [Queue(Queues.Gpu)]
    [AutomaticRetry(Attempts = 0)]
    public async Task RunAsync(Guid auditId, CancellationToken cancellationToken)
    {
        FairnessAudit? audit;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
            audit = await db.FairnessAudits.AsNoTracking().SingleOrDefaultAsync(a => a.Id == auditId, cancellationToken);
        if (audit is null) return;

        try
        {
            var report = await AuditAsync(audit, cancellationToken);
            await SetAsync(auditId, AnalysisStatus.Succeeded, JsonSerializer.Serialize(report, FairnessJson.Options), null, cancellationToken);
            logger.LogInformation("Fairness audit {AuditId} of {Model}: {Images} images", auditId, audit.Name, report.Images);
        }
        catch (Exception e) when (e is FairnessDataException or QualityModelException or ImageRejectedException)
        {
            await SetAsync(auditId, AnalysisStatus.Failed, null, e.Message, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await SetAsync(auditId, AnalysisStatus.Failed, null, $"The audit stopped: {e.Message}", CancellationToken.None);
            throw;
        }
    }

    private async Task<FairnessAuditReport> AuditAsync(FairnessAudit audit, CancellationToken cancellationToken)
    {
        var manifest = PainModelManifest.Parse(audit.ManifestJson);
        var bytes = (await blobs.GetAsync(audit.ModelSha256, cancellationToken))?.Data
            ?? throw new QualityModelException("The uploaded model file is missing from the blob store; upload it again.");
        using var model = OnnxPainModel.Load(sessions, bytes, manifest);

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.FairnessAudits.Where(a => a.Id == audit.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, AnalysisStatus.Running), cancellationToken);
        var variants = await (
            from v in db.Variants.AsNoTracking()
            where v.StudyId == audit.StudyId
            join f in db.SourceFaces on v.SourceFaceId equals f.Id
            select new { v.Id, v.SourceFaceId, v.Condition, f.Race, f.AgeGroup, f.Label, v.ImageSha256 })
            .ToListAsync(cancellationToken);
        // Conditions are stored as text: order in memory so faces run Original, SkinTone, Age, SkinToneAge.
        variants = variants.OrderBy(v => v.Label, StringComparer.Ordinal).ThenBy(v => v.Condition).ToList();

        var progress = AnalysisProgress.ForAudit(contexts, audit.Id);
        var predictions = new List<ImagePrediction>();
        foreach (var v in variants)
        {
            cancellationToken.ThrowIfCancellationRequested();
            progress.Report((double)predictions.Count / variants.Count, $"Running {manifest.Name}: {predictions.Count} of {variants.Count} variants");
            var blob = await blobs.GetAsync(v.ImageSha256, cancellationToken)
                ?? throw new ImageRejectedException(ImageRejectionReason.Empty, $"The image of face '{v.Label}' {v.Condition} is missing from the blob store.");
            using var image = decoder.Decode(blob.Data);
            var score = model.Predict(image.Bitmap);
            if (!double.IsFinite(score))
                throw new FairnessDataException($"The model '{manifest.Name}' gave {score} for face '{v.Label}' {v.Condition}; the audit stopped and reports nothing.");
            predictions.Add(new ImagePrediction(v.Id, v.SourceFaceId, v.Condition, v.Condition.PerceivedRace(v.Race), v.Condition.PerceivedAge(v.AgeGroup), score));
        }

        var labels = variants.DistinctBy(v => v.SourceFaceId).ToDictionary(v => v.SourceFaceId, v => v.Label);
        try
        {
            return FairnessAuditReport.From(predictions, new BootstrapOptions());
        }
        catch (FairnessDataException e)
        {
            throw new FairnessDataException(StudyFairnessData.WithLabels(e.Message, labels));
        }
    }

    private async Task SetAsync(Guid auditId, AnalysisStatus status, string? resultJson, string? error, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var text = error is null ? null : error.Length <= 4000 ? error : error[..3999] + "…";
        await db.FairnessAudits.Where(a => a.Id == auditId).ExecuteUpdateAsync(s => s
            .SetProperty(a => a.Status, status).SetProperty(a => a.ResultJson, resultJson).SetProperty(a => a.Error, text)
            .SetProperty(a => a.Progress, status == AnalysisStatus.Succeeded ? 1.0 : 0.0)
            .SetProperty(a => a.ProgressText, status == AnalysisStatus.Succeeded ? "Done" : "Failed")
            .SetProperty(a => a.FinishedAt, clock.GetUtcNow().UtcDateTime), cancellationToken);
    }
}
