using Microsoft.EntityFrameworkCore;
using PainBias.Core.Domain;
using PainBias.Crowd.Credamo;
using PainBias.Data;
using PainBias.Data.Blobs;
using PainBias.Data.Entities;
using PainBias.Web.Features.Audit;
using PainBias.Web.Features.Studies;
using PainBias.Web.Hosting;

namespace PainBias.Web.Features.Credamo;

/// <summary>
/// Reads a Credamo results export, keeps the raw file, reconciles its completion codes against the codes this study
/// issued and the sessions our database shows completed, and stores the report from which the approval file is written.
/// </summary>
public static class ImportCredamoResults
{
    public const long MaxBytes = 20 * 1024 * 1024;

    public sealed record Command(Guid StudyId, string FileName, byte[] Data, string? ResponseIdColumn, string? UserIdColumn, string? CodeColumn);

    /// <summary>Exactly one of Summary and Error is set, or neither when the study is not the actor's.</summary>
    public sealed record Result(CredamoImportSummary? Summary, string? Error, bool StudyFound = true);

    public sealed class Handler(IDbContextFactory<PainBiasDbContext> contexts, IBlobStore blobs, TimeProvider clock)
    {
        public async Task<Result> HandleAsync(Command command, Actor actor, CancellationToken cancellationToken)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            if (!await db.Studies.VisibleTo(actor).AnyAsync(s => s.Id == command.StudyId, cancellationToken))
                return new Result(null, null, StudyFound: false);
            var now = clock.GetUtcNow().UtcDateTime;
            var fileName = Path.GetFileName(command.FileName) is { Length: > 0 and <= 200 } name ? name : "results";

            CredamoResults results;
            try
            {
                if (command.Data.LongLength > MaxBytes)
                    throw new CredamoFileException($"The file is larger than {MaxBytes / 1024 / 1024} MB.");
                results = CredamoResultsReader.Read(command.Data, CredamoColumnMap.Default.With(command.ResponseIdColumn, command.UserIdColumn, command.CodeColumn));
            }
            catch (CredamoFileException ex)
            {
                // Nothing is imported and nothing approved; the refusal itself is on record.
                db.Audit(actor, now, "credamo.import", "study", command.StudyId.ToString(), $"{fileName}: {ex.Message}", AuditOutcome.Refused);
                await db.SaveChangesAsync(cancellationToken);
                return new Result(null, ex.Message);
            }

            var (issued, foreign) = await CodesAsync(db, command.StudyId, results.Rows, cancellationToken);
            var reconciliation = CredamoReconciler.Reconcile(results.Rows, issued, foreign, await ApprovedEarlierAsync(db, command.StudyId, cancellationToken));
            var report = new CredamoImportReport(results.Format, results.Encoding, results.Columns, results.Warnings, reconciliation);
            var sha = await blobs.PutAsync(command.Data, results.Format == "CSV" ? "text/csv" : "application/octet-stream", cancellationToken);
            var import = new CredamoImport
            {
                Id = Guid.NewGuid(), StudyId = command.StudyId, FileName = fileName, RawSha256 = sha, Encoding = results.Format == "CSV" ? results.Encoding : results.Format,
                ImportedAt = now, ImportedBy = actor.UserId, RowCount = results.Rows.Count,
                ApprovedCount = reconciliation.Rows.Count(r => r.Approve), ReportJson = report.ToJson(),
            };
            db.CredamoImports.Add(import);
            db.Audit(actor, now, "credamo.import", "study", command.StudyId.ToString(),
                $"{fileName} ({import.Encoding}): {import.RowCount} rows, {import.ApprovedCount} approved, {reconciliation.Missing.Count} missing; import {import.Id}");
            await db.SaveChangesAsync(cancellationToken);
            return new Result(CredamoQueries.Summarise(import, report), null);
        }

        /// <summary>The codes this study's earlier imports approved, each with the response it was approved for (the first).</summary>
        private static async Task<Dictionary<string, EarlierApproval>> ApprovedEarlierAsync(PainBiasDbContext db, Guid studyId, CancellationToken cancellationToken)
        {
            var reports = await db.CredamoImports.AsNoTracking().Where(i => i.StudyId == studyId && i.ApprovedCount > 0)
                .OrderBy(i => i.ImportedAt).Select(i => i.ReportJson).ToListAsync(cancellationToken);
            var approved = new Dictionary<string, EarlierApproval>(StringComparer.Ordinal);
            foreach (var row in reports.SelectMany(r => CredamoImportReport.FromJson(r).Reconciliation.Rows).Where(r => r.Approve))
                approved.TryAdd(row.Row.Code, new EarlierApproval(row.Row.ResponseId, row.Row.UserId));
            return approved;
        }

        /// <summary>
        /// This study's codes (issued with its links, or shown by its Credamo sessions) with whether their task is
        /// completed, and which of the file's other codes belong to another study.
        /// </summary>
        private static async Task<(Dictionary<string, IssuedCode> Issued, HashSet<string> Foreign)> CodesAsync(
            PainBiasDbContext db, Guid studyId, IReadOnlyList<CredamoRow> rows, CancellationToken cancellationToken)
        {
            var completed = await (
                from s in db.TaskSessions.AsNoTracking()
                join w in db.Workers on s.WorkerId equals w.Id
                where s.StudyId == studyId && s.Platform == Platform.Credamo && s.Step == TaskStep.Completed && !s.IsPreview
                select new { w.ExternalId, s.CompletionCode }).ToListAsync(cancellationToken);
            var completedIds = completed.Select(c => c.ExternalId).ToHashSet(StringComparer.Ordinal);
            var links = await db.ParticipantLinks.AsNoTracking()
                .Where(l => l.StudyId == studyId && l.Platform == Platform.Credamo)
                .Select(l => new { l.CompletionCode, l.ParticipantId }).ToListAsync(cancellationToken);

            var issued = new Dictionary<string, IssuedCode>(StringComparer.Ordinal);
            foreach (var link in links)
                issued[link.CompletionCode] = new IssuedCode(link.CompletionCode, link.ParticipantId, completedIds.Contains(link.ParticipantId));
            foreach (var session in completed.Where(c => c.CompletionCode is not null))
                issued.TryAdd(session.CompletionCode!, new IssuedCode(session.CompletionCode!, session.ExternalId, Completed: true));

            var others = rows.Select(r => r.Code).Where(c => c.Length > 0 && !issued.ContainsKey(c)).Distinct().ToList();
            var foreign = new HashSet<string>(StringComparer.Ordinal);
            if (others.Count > 0)
            {
                foreign.UnionWith(await db.ParticipantLinks.Where(l => l.StudyId != studyId && others.Contains(l.CompletionCode))
                    .Select(l => l.CompletionCode).ToListAsync(cancellationToken));
                foreign.UnionWith(await db.TaskSessions.Where(s => s.StudyId != studyId && s.CompletionCode != null && others.Contains(s.CompletionCode))
                    .Select(s => s.CompletionCode!).ToListAsync(cancellationToken));
            }
            return (issued, foreign);
        }
    }
}
