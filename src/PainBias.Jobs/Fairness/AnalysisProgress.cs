using Microsoft.EntityFrameworkCore;
using PainBias.Data;

namespace PainBias.Jobs.Fairness;

/// <summary>
/// Writes a run's or audit's progress at most every half second, synchronously, so no late write can land after the
/// final status.
/// </summary>
internal sealed class AnalysisProgress(Action<double, string> write)
{
    private readonly Lock _gate = new();
    private DateTime _last = DateTime.MinValue;

    public void Report(double fraction, string text, bool force = false)
    {
        lock (_gate)
        {
            if (!force && DateTime.UtcNow - _last < TimeSpan.FromMilliseconds(500)) return;
            _last = DateTime.UtcNow;
            write(Math.Clamp(fraction, 0, 1), text);
        }
    }

    public static AnalysisProgress ForRun(IDbContextFactory<PainBiasDbContext> contexts, Guid runId) => new((fraction, text) =>
    {
        using var db = contexts.CreateDbContext();
        db.FairnessRuns.Where(r => r.Id == runId).ExecuteUpdate(s => s.SetProperty(r => r.Progress, fraction).SetProperty(r => r.ProgressText, text));
    });

    public static AnalysisProgress ForAudit(IDbContextFactory<PainBiasDbContext> contexts, Guid auditId) => new((fraction, text) =>
    {
        using var db = contexts.CreateDbContext();
        db.FairnessAudits.Where(a => a.Id == auditId).ExecuteUpdate(s => s.SetProperty(a => a.Progress, fraction).SetProperty(a => a.ProgressText, text));
    });
}
