using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PainBias.Core.Fairness;
using PainBias.Data;
using PainBias.Data.Entities;
using PainBias.Jobs.Fairness;
using PainBias.Web.Features.Studies;
using PainBias.Web.Hosting;

namespace PainBias.Web.Features.Fairness;

/// <summary>Reads a study's fairness runs and audits, newest first; null when the study is not the actor's.</summary>
public sealed class FairnessQueries(IDbContextFactory<PainBiasDbContext> contexts)
{
    public async Task<FairnessOverview?> GetAsync(Guid studyId, Actor actor, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var study = await db.Studies.VisibleTo(actor).AsNoTracking().Where(s => s.Id == studyId).Select(s => new { s.Name }).SingleOrDefaultAsync(cancellationToken);
        if (study is null) return null;
        var runs = await db.FairnessRuns.AsNoTracking().Where(r => r.StudyId == studyId).ToListAsync(cancellationToken);
        var audits = await db.FairnessAudits.AsNoTracking().Where(a => a.StudyId == studyId).ToListAsync(cancellationToken);
        return new FairnessOverview(studyId, study.Name,
            runs.OrderByDescending(r => r.CreatedAt).Select(View).ToList(),
            audits.OrderByDescending(a => a.CreatedAt).Select(View).ToList());
    }

    public async Task<FairnessRunView?> GetRunAsync(Guid studyId, Guid runId, Actor actor, CancellationToken cancellationToken) =>
        (await GetAsync(studyId, actor, cancellationToken))?.Runs.SingleOrDefault(r => r.Id == runId);

    public async Task<FairnessAuditView?> GetAuditAsync(Guid studyId, Guid auditId, Actor actor, CancellationToken cancellationToken) =>
        (await GetAsync(studyId, actor, cancellationToken))?.Audits.SingleOrDefault(a => a.Id == auditId);

    private static FairnessRunView View(FairnessRun r) => new(r.Id, r.Status, r.Folds, r.Seed, r.Progress, r.ProgressText, r.Error,
        r.ExternalLabelsFile, r.CreatedAt, r.FinishedAt,
        r.Status == AnalysisStatus.Succeeded && r.ResultJson is not null ? JsonSerializer.Deserialize<FairnessExperimentResult>(r.ResultJson, FairnessJson.Options) : null);

    private static FairnessAuditView View(FairnessAudit a) => new(a.Id, a.Name, a.FileName, a.ModelSha256, a.Status, a.Progress, a.ProgressText, a.Error,
        a.CreatedAt, a.FinishedAt,
        a.Status == AnalysisStatus.Succeeded && a.ResultJson is not null ? JsonSerializer.Deserialize<FairnessAuditReport>(a.ResultJson, FairnessJson.Options) : null);
}
