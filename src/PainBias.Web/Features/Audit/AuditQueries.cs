using Microsoft.EntityFrameworkCore;
using PainBias.Data;
using PainBias.Data.Entities;

namespace PainBias.Web.Features.Audit;

public sealed record AuditRow(DateTime At, string Actor, string Action, string TargetType, string TargetId, string Details, AuditOutcome Outcome);

public sealed class AuditQueries(IDbContextFactory<PainBiasDbContext> contexts)
{
    public const int PageSize = 200;

    /// <summary>The newest entries first, optionally only those about one target (e.g. one worker).</summary>
    public async Task<IReadOnlyList<AuditRow>> RecentAsync(string? targetType, string? targetId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var entries = db.AuditEntries.AsNoTracking();
        if (targetType is not null && targetId is not null)
            entries = entries.Where(a => a.TargetType == targetType && a.TargetId == targetId);
        var rows = await (
            from a in entries
            join u in db.Users on a.ActorId equals u.Id into users
            from u in users.DefaultIfEmpty()
            orderby a.At descending
            select new AuditRow(a.At, u != null ? u.Email ?? a.ActorId : a.ActorId, a.Action, a.TargetType, a.TargetId, a.Details, a.Outcome))
            .Take(PageSize).ToListAsync(cancellationToken);
        return rows;
    }
}
