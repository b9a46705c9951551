using PainBias.Data;
using PainBias.Data.Entities;
using PainBias.Web.Hosting;

namespace PainBias.Web.Features.Audit;

/// <summary>
/// Adds an audit entry to a context: callers save it with the change it records (one SaveChanges, one transaction).
/// Details are composed by our code from names and ids, never from secrets.
/// </summary>
public static class AuditLog
{
    public const int MaxDetails = 4000;

    public static AuditEntry Audit(
        this PainBiasDbContext db, Actor actor, DateTime now, string action, string targetType, string targetId, string details,
        AuditOutcome outcome = AuditOutcome.Succeeded)
    {
        var entry = new AuditEntry
        {
            Id = Guid.NewGuid(), At = now, ActorId = actor.UserId, Action = action, TargetType = targetType,
            TargetId = targetId.Length > 200 ? targetId[..200] : targetId,
            Details = details.Length > MaxDetails ? details[..(MaxDetails - 1)] + "…" : details,
            Outcome = outcome,
        };
        db.AuditEntries.Add(entry);
        return entry;
    }
}
