using System.Text.Json;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using PainBias.Core.Fairness;
using PainBias.Data;
using PainBias.Data.Entities;

namespace PainBias.Jobs.Fairness;

/// <summary>
/// Runs the four training conditions of a fairness run on the study's included ratings and cached features and
/// stores the Table-7-style result. Reentrant: a rerun recomputes and overwrites the same row. Bad data fail the
/// run with the engine's message and no result.
/// </summary>
public sealed class FairnessExperimentJob(IDbContextFactory<PainBiasDbContext> contexts, TimeProvider clock, ILogger<FairnessExperimentJob> logger)
{
    [Queue(Queues.Default)]
    [AutomaticRetry(Attempts = 0)]
    public async Task RunAsync(Guid runId, CancellationToken cancellationToken)
    {
        FairnessRun? run;
        List<FairnessImage> images;
        Dictionary<Guid, string> labels;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            run = await db.FairnessRuns.AsNoTracking().SingleOrDefaultAsync(r => r.Id == runId, cancellationToken);
            if (run is null || run.Status == AnalysisStatus.Failed)
            {
                logger.LogInformation("Fairness run {RunId} skipped: {Reason}", runId, run is null ? "gone" : "failed before training");
                return;
            }

            labels = await StudyFairnessData.FaceLabelsAsync(db, run.StudyId, cancellationToken);
            if (run.FeatureModelSha256 is null)
            {
                await FairnessRunStatus.FailAsync(contexts, runId, "Feature extraction did not finish for this run (see the gpu queue's jobs); start it again.", clock, cancellationToken);
                return;
            }

            try
            {
                images = await StudyFairnessData.LoadAsync(db, run.StudyId, run.FeatureModelSha256, cancellationToken);
            }
            catch (FairnessDataException e)
            {
                await FairnessRunStatus.FailAsync(contexts, runId, StudyFairnessData.WithLabels(e.Message, labels), clock, cancellationToken);
                return;
            }
        }

        var progress = AnalysisProgress.ForRun(contexts, runId);
        var options = new FairnessExperimentOptions
        {
            Folds = run.Folds,
            Seed = unchecked((ulong)run.Seed),
            Bootstrap = new BootstrapOptions(Seed: unchecked((ulong)run.Seed)),
            ExternalTestLabels = run.ExternalLabelsJson is null ? null : JsonSerializer.Deserialize<Dictionary<Guid, double>>(run.ExternalLabelsJson, FairnessJson.Options),
        };
        try
        {
            var result = FairnessExperiment.Run(images, options, new Progress(progress), cancellationToken);
            await FairnessRunStatus.SetAsync(contexts, runId, AnalysisStatus.Succeeded, JsonSerializer.Serialize(result, FairnessJson.Options), null, clock, cancellationToken);
            logger.LogInformation("Fairness run {RunId}: {Images} images, {Faces} faces, {Folds} folds", runId, result.Images, result.Faces, result.Folds);
        }
        catch (FairnessDataException e)
        {
            await FairnessRunStatus.FailAsync(contexts, runId, StudyFairnessData.WithLabels(e.Message, labels), clock, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await FairnessRunStatus.FailAsync(contexts, runId, $"The experiment stopped: {e.Message}", clock, CancellationToken.None);
            throw;
        }
    }

    private sealed class Progress(AnalysisProgress sink) : IProgress<FairnessProgress>
    {
        public void Report(FairnessProgress value) =>
            sink.Report(FeatureExtractionJob.ProgressShare + ((1 - FeatureExtractionJob.ProgressShare) * value.Done / value.Total),
                $"Training {value.Condition.DisplayName()}: fold {value.Fold + 1} ({value.Done} of {value.Total} fits)", force: value.Done == value.Total);
    }
}
