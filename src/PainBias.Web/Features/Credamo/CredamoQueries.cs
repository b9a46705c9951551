using Microsoft.EntityFrameworkCore;
using PainBias.Crowd.Credamo;
using PainBias.Data;
using PainBias.Data.Blobs;
using PainBias.Data.Entities;
using PainBias.Web.Features.Studies;
using PainBias.Web.Hosting;

namespace PainBias.Web.Features.Credamo;

public sealed class CredamoQueries(IDbContextFactory<PainBiasDbContext> contexts, IBlobStore blobs)
{
    /// <summary>The study's imports, newest first; null when the study is not the actor's.</summary>
    public async Task<IReadOnlyList<CredamoImportSummary>?> ImportsAsync(Guid studyId, Actor actor, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!await db.Studies.VisibleTo(actor).AnyAsync(s => s.Id == studyId, cancellationToken))
            return null;
        var imports = await db.CredamoImports.AsNoTracking().Where(i => i.StudyId == studyId)
            .OrderByDescending(i => i.ImportedAt).Take(50).ToListAsync(cancellationToken);
        return imports.Select(i => Summarise(i, CredamoImportReport.FromJson(i.ReportJson))).ToList();
    }

    /// <summary>The approval/payment file of one import, written from its stored report.</summary>
    public async Task<(byte[] Csv, string FileName)?> ApprovalsAsync(Guid studyId, Guid importId, Actor actor, CancellationToken cancellationToken)
    {
        var import = await FindAsync(studyId, importId, actor, cancellationToken);
        if (import is null)
            return null;
        var report = CredamoImportReport.FromJson(import.ReportJson);
        return (CredamoCsv.Approvals(report.Reconciliation), $"credamo-approvals-{import.ImportedAt:yyyyMMdd-HHmmss}.csv");
    }

    /// <summary>The file as it was uploaded.</summary>
    public async Task<(StoredBlob Blob, string FileName)?> RawAsync(Guid studyId, Guid importId, Actor actor, CancellationToken cancellationToken)
    {
        var import = await FindAsync(studyId, importId, actor, cancellationToken);
        if (import is null || await blobs.GetAsync(import.RawSha256, cancellationToken) is not { } blob)
            return null;
        return (blob, import.FileName);
    }

    private async Task<CredamoImport?> FindAsync(Guid studyId, Guid importId, Actor actor, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!await db.Studies.VisibleTo(actor).AnyAsync(s => s.Id == studyId, cancellationToken))
            return null;
        return await db.CredamoImports.AsNoTracking().SingleOrDefaultAsync(i => i.Id == importId && i.StudyId == studyId, cancellationToken);
    }

    public static CredamoImportSummary Summarise(CredamoImport import, CredamoImportReport report) => new(
        import.Id, import.FileName, import.Encoding, import.ImportedAt, import.RowCount, import.ApprovedCount,
        report.Reconciliation.Rows.GroupBy(r => r.Finding).ToDictionary(g => g.Key, g => g.Count()),
        report.Reconciliation.Missing, report.Columns, report.Warnings);
}
