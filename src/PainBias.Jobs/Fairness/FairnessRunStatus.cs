using Microsoft.EntityFrameworkCore;
using PainBias.Data;
using PainBias.Data.Entities;

namespace PainBias.Jobs.Fairness;

internal static class FairnessRunStatus
{
    public static Task FailAsync(IDbContextFactory<PainBiasDbContext> contexts, Guid runId, string error, TimeProvider clock, CancellationToken cancellationToken) =>
        SetAsync(contexts, runId, AnalysisStatus.Failed, null, error, clock, cancellationToken);

    public static async Task SetAsync(IDbContextFactory<PainBiasDbContext> contexts, Guid runId, AnalysisStatus status, string? resultJson, string? error,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var text = error is null ? null : error.Length <= 4000 ? error : error[..3999] + "…";
        await db.FairnessRuns.Where(r => r.Id == runId).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.Status, status).SetProperty(r => r.ResultJson, resultJson).SetProperty(r => r.Error, text)
            .SetProperty(r => r.Progress, status == AnalysisStatus.Succeeded ? 1.0 : 0.0)
            .SetProperty(r => r.ProgressText, status == AnalysisStatus.Failed ? "Failed" : status == AnalysisStatus.Succeeded ? "Done" : "Running")
            .SetProperty(r => r.FinishedAt, status is AnalysisStatus.Succeeded or AnalysisStatus.Failed ? now : null), cancellationToken);
    }
}
