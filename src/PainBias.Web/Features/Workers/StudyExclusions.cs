using Microsoft.EntityFrameworkCore;
using PainBias.Core.Domain;
using PainBias.Data;
using PainBias.Data.Entities;
using PainBias.Web.Features.Audit;
using PainBias.Web.Hosting;

namespace PainBias.Web.Features.Workers;

public sealed record ExclusionRow(Guid Id, Platform Platform, string ExternalId, string Source, DateTime AddedAt);

public sealed record ExclusionUpload(int Added, int AlreadyListed, IReadOnlyList<string> Problems);

/// <summary>
/// Per-study exclusion lists: worker ids (one per line, or the first column of a CSV) that the task entry refuses
/// politely, and "everyone who took part in study X" to keep linked studies apart.
/// </summary>
public sealed class StudyExclusions(IDbContextFactory<PainBiasDbContext> contexts, TimeProvider clock)
{
    public const int MaxIds = 50_000;

    private static readonly HashSet<string> HeaderNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "workerid", "worker_id", "worker id", "id", "participant_id", "participant id", "user_id", "userid", "用户id", "用户ID",
    };

    public async Task<IReadOnlyList<ExclusionRow>> ListAsync(Guid studyId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.StudyExclusions.AsNoTracking().Where(e => e.StudyId == studyId)
            .OrderByDescending(e => e.AddedAt).ThenBy(e => e.ExternalId)
            .Select(e => new ExclusionRow(e.Id, e.Platform, e.ExternalId, e.Source, e.AddedAt))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Reads a pasted or uploaded list; every unusable line is named and the rest are added.</summary>
    public async Task<ExclusionUpload?> AddListAsync(Guid studyId, Platform platform, string text, string source, Actor actor, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        var ids = new List<string>();
        var lines = text.Replace("\r\n", "\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var id = lines[i].Split(',', ';', '\t')[0].Trim().Trim('"').Trim();
            if (id.Length == 0 || (i == 0 && HeaderNames.Contains(id)))
                continue;
            if (id.Length > 200 || id.Any(char.IsControl))
                problems.Add($"Line {i + 1}: not a worker id.");
            else
                ids.Add(id);
        }
        if (ids.Count > MaxIds)
            return new ExclusionUpload(0, 0, [$"The list has more than {MaxIds} ids; split it."]);
        return await AddAsync(studyId, ids.Distinct(StringComparer.Ordinal).Select(id => (platform, id)).ToList(), source, problems, actor, cancellationToken);
    }

    /// <summary>Excludes from one study every worker who has a session in another (previews aside).</summary>
    public async Task<ExclusionUpload?> AddParticipantsOfAsync(Guid studyId, Guid otherStudyId, Actor actor, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var other = await db.Studies.AsNoTracking().Where(s => s.Id == otherStudyId).Select(s => s.Name).SingleOrDefaultAsync(cancellationToken);
        if (other is null || otherStudyId == studyId)
            return new ExclusionUpload(0, 0, ["Choose another existing study."]);
        var workers = await (
            from s in db.TaskSessions.AsNoTracking()
            join w in db.Workers on s.WorkerId equals w.Id
            where s.StudyId == otherStudyId && !s.IsPreview
            select new { w.Platform, w.ExternalId }).ToListAsync(cancellationToken);
        return await AddAsync(studyId, workers.Select(w => (w.Platform, w.ExternalId)).ToList(), $"took part in {other}", [], actor, cancellationToken);
    }

    public async Task<bool> RemoveAsync(Guid exclusionId, Actor actor, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var entry = await db.StudyExclusions.SingleOrDefaultAsync(e => e.Id == exclusionId, cancellationToken);
        if (entry is null)
            return false;
        db.StudyExclusions.Remove(entry);
        db.Audit(actor, clock.GetUtcNow().UtcDateTime, "study.exclusions.remove", "study", entry.StudyId.ToString(), $"{entry.Platform} {entry.ExternalId}");
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    private async Task<ExclusionUpload?> AddAsync(
        Guid studyId, IReadOnlyList<(Platform Platform, string ExternalId)> entries, string source, List<string> problems, Actor actor, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!await db.Studies.AnyAsync(s => s.Id == studyId, cancellationToken))
            return null;
        var existing = (await db.StudyExclusions.AsNoTracking().Where(e => e.StudyId == studyId)
            .Select(e => new { e.Platform, e.ExternalId }).ToListAsync(cancellationToken))
            .Select(e => (e.Platform, e.ExternalId)).ToHashSet();
        var now = clock.GetUtcNow().UtcDateTime;
        var fresh = entries.Distinct().Where(e => !existing.Contains(e)).ToList();
        foreach (var (platform, externalId) in fresh)
        {
            db.StudyExclusions.Add(new StudyExclusion
            {
                Id = Guid.NewGuid(), StudyId = studyId, Platform = platform, ExternalId = externalId,
                Source = source.Length > 300 ? source[..300] : source, AddedAt = now, AddedBy = actor.UserId,
            });
        }
        db.Audit(actor, now, "study.exclusions.add", "study", studyId.ToString(),
            $"{fresh.Count} added, {entries.Distinct().Count() - fresh.Count} already listed, {problems.Count} unusable lines; source: {source}");
        await db.SaveChangesAsync(cancellationToken);
        return new ExclusionUpload(fresh.Count, entries.Distinct().Count() - fresh.Count, problems);
    }
}
