using Microsoft.EntityFrameworkCore;
using PainBias.Core.Domain;
using PainBias.Data;
using PainBias.Data.Entities;

namespace PainBias.Web.Features.Workers;

/// <summary>
/// A worker across every study: sessions, screening results and accuracy on gold faces (faces within tolerance out of
/// faces answered), ratings, blocks and qualifications. Admins see the platform id; exports keep using salted hashes.
/// </summary>
public sealed record WorkerRow(
    Guid Id, Platform Platform, string ExternalId, DateTime FirstSeenAt, int Studies, int Completed, int Ratings,
    int ScreeningsTaken, int ScreeningsPassed, int GoldAnswered, int GoldWithinTolerance, bool Blocked, string? BlockReason,
    IReadOnlyList<string> Qualifications)
{
    public double? GoldAccuracy => GoldAnswered == 0 ? null : (double)GoldWithinTolerance / GoldAnswered;
}

public sealed record WorkerSessionRow(Guid StudyId, string StudyName, TaskStep Step, DateTime CreatedAt, int GoldAnswered, int GoldMisses, bool? ComprehensionPassed, int Ratings);

public sealed record QualificationRow(Guid Id, string QualificationTypeId, int IntegerValue, DateTime GrantedAt, DateTime? RevokedAt, string? RevokeReason);

public sealed record WorkerDetail(WorkerRow Worker, IReadOnlyList<WorkerSessionRow> Sessions, IReadOnlyList<QualificationRow> Qualifications);

public sealed class WorkerQueries(IDbContextFactory<PainBiasDbContext> contexts)
{
    public const int PageSize = 200;

    public async Task<IReadOnlyList<WorkerRow>> ListAsync(string? search, Platform? platform, bool blockedOnly, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var workers = db.Workers.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
            workers = workers.Where(w => w.ExternalId.Contains(search.Trim()));
        if (platform is { } p)
            workers = workers.Where(w => w.Platform == p);
        if (blockedOnly)
            workers = workers.Where(w => w.Blocked);
        var page = await workers.OrderByDescending(w => w.FirstSeenAt).Take(PageSize).ToListAsync(cancellationToken);
        return await RowsAsync(db, page, cancellationToken);
    }

    public async Task<WorkerDetail?> DetailAsync(Guid workerId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var worker = await db.Workers.AsNoTracking().SingleOrDefaultAsync(w => w.Id == workerId, cancellationToken);
        if (worker is null)
            return null;
        var row = (await RowsAsync(db, [worker], cancellationToken)).Single();
        var sessions = await (
            from s in db.TaskSessions.AsNoTracking()
            join st in db.Studies on s.StudyId equals st.Id
            where s.WorkerId == workerId
            orderby s.CreatedAt
            select new WorkerSessionRow(s.StudyId, st.Name, s.Step, s.CreatedAt, s.ScreeningIndex, s.ScreeningMisses, s.ComprehensionPassed,
                db.Assessments.Count(a => a.StudyId == s.StudyId && a.WorkerId == workerId)))
            .ToListAsync(cancellationToken);
        var qualifications = await db.WorkerQualifications.AsNoTracking().Where(q => q.WorkerId == workerId)
            .OrderByDescending(q => q.GrantedAt)
            .Select(q => new QualificationRow(q.Id, q.QualificationTypeId, q.IntegerValue, q.GrantedAt, q.RevokedAt, q.RevokeReason))
            .ToListAsync(cancellationToken);
        return new WorkerDetail(row, sessions, qualifications);
    }

    private static async Task<IReadOnlyList<WorkerRow>> RowsAsync(PainBiasDbContext db, IReadOnlyList<Worker> workers, CancellationToken cancellationToken)
    {
        var ids = workers.Select(w => w.Id).ToList();
        // One session per worker and study, so sessions count studies. Previews are the researcher, not a worker.
        var sessions = await db.TaskSessions.AsNoTracking().Where(s => ids.Contains(s.WorkerId) && !s.IsPreview)
            .GroupBy(s => s.WorkerId)
            .Select(g => new
            {
                WorkerId = g.Key,
                Studies = g.Count(),
                Completed = g.Count(s => s.Step == TaskStep.Completed),
                // The comprehension answer is recorded with the last gold face: a finished screening.
                Taken = g.Count(s => s.ComprehensionPassed != null),
                Passed = g.Count(s => s.ComprehensionPassed == true && s.ScreeningMisses == 0),
                GoldAnswered = g.Sum(s => s.ScreeningIndex),
                GoldMisses = g.Sum(s => s.ScreeningMisses),
            })
            .ToDictionaryAsync(x => x.WorkerId, cancellationToken);
        var ratings = await db.Assessments.AsNoTracking().Where(a => ids.Contains(a.WorkerId))
            .GroupBy(a => a.WorkerId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);
        var qualifications = (await db.WorkerQualifications.AsNoTracking().Where(q => ids.Contains(q.WorkerId) && q.RevokedAt == null)
            .Select(q => new { q.WorkerId, q.QualificationTypeId, q.IntegerValue }).ToListAsync(cancellationToken))
            .ToLookup(q => q.WorkerId, q => $"{q.QualificationTypeId}={q.IntegerValue}");
        return workers.Select(w =>
        {
            var s = sessions.GetValueOrDefault(w.Id);
            return new WorkerRow(w.Id, w.Platform, w.ExternalId, w.FirstSeenAt, s?.Studies ?? 0, s?.Completed ?? 0, ratings.GetValueOrDefault(w.Id),
                s?.Taken ?? 0, s?.Passed ?? 0, s?.GoldAnswered ?? 0, (s?.GoldAnswered ?? 0) - (s?.GoldMisses ?? 0), w.Blocked, w.BlockReason,
                qualifications[w.Id].ToList());
        }).ToList();
    }
}
