using Microsoft.EntityFrameworkCore;
using PainBias.Core.Domain;
using PainBias.Data.Entities;

namespace PainBias.Data.Allocation;

/// <summary>
/// The <see cref="VariantSlotCounter"/> rows the allocator chooses from. Triggers (migration <c>VariantSlotCounters</c>,
/// both providers) keep them in the same transaction as every change of a variant, a reservation's status or an
/// assessment's <c>Included</c> flag, so code that changes inclusion — exclusion rules included — needs to do nothing
/// for the slot to re-open or close: SaveChanges, <c>ExecuteUpdate</c> and raw SQL all fire them.
/// <see cref="RecountAsync"/> rebuilds a study's counters from the rows themselves (after a bulk repair, or to be
/// sure); <see cref="DriftAsync"/> lists counters that differ from a recount (tests and the benchmark check it is empty).
/// </summary>
public static class SlotCounters
{
    public const string VariantsTrigger = "TR_Variants_SlotCounters";
    public const string ReservationsTrigger = "TR_Reservations_SlotCounters";
    public const string AssessmentsTrigger = "TR_Assessments_SlotCounters";

    /// <summary>One counter whose stored tally differs from the recount.</summary>
    public sealed record Drift(Guid VariantId, Platform Platform, int Filled, int Held, int RecountFilled, int RecountHeld);

    /// <summary>
    /// Sets every counter of the study (one per variant and platform) to a recount of included assessments and Held
    /// reservations, creating missing rows. On PostgreSQL the study's counter rows are locked first, so writers that
    /// are mid-change either committed before the recount reads or apply their change after it: the result is exact.
    /// </summary>
    public static async Task RecountAsync(PainBiasDbContext db, Guid studyId, CancellationToken cancellationToken = default)
    {
        var postgres = db.Database.IsNpgsql();
        var platforms = string.Join(" UNION ALL ", Enum.GetNames<Platform>().Select(p => $"SELECT '{p}' AS \"Name\""));
        var recount = $$"""
            INSERT INTO "VariantSlotCounters" ("VariantId", "Platform", "StudyId", "SourceFaceId", "Filled", "Held")
            SELECT v."Id", p."Name", v."StudyId", v."SourceFaceId",
                (SELECT count(*) FROM "Assessments" a WHERE a."VariantId" = v."Id" AND a."Platform" = p."Name" AND a."Included"),
                (SELECT count(*) FROM "Reservations" r WHERE r."VariantId" = v."Id" AND r."Platform" = p."Name" AND r."Status" = 'Held')
            FROM "Variants" v CROSS JOIN ({{platforms}}) AS p
            WHERE v."StudyId" = {0}
            ON CONFLICT ("VariantId", "Platform") DO UPDATE SET "Filled" = excluded."Filled", "Held" = excluded."Held"
            """;
        // SQLite stores Guids as upper-case text; PostgreSQL as uuid.
        object study = postgres ? studyId : studyId.ToString().ToUpperInvariant();
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            if (postgres)
            {
                await db.Database.ExecuteSqlRawAsync(
                    """SELECT 1 FROM "VariantSlotCounters" WHERE "StudyId" = {0} ORDER BY "VariantId", "Platform" FOR UPDATE""", [study], ct);
            }
            await db.Database.ExecuteSqlRawAsync(recount, [study], ct);
            await transaction.CommitAsync(ct);
        }, cancellationToken);
    }

    /// <summary>Counters of the study that differ from a recount (empty when the triggers did their job).</summary>
    public static async Task<IReadOnlyList<Drift>> DriftAsync(PainBiasDbContext db, Guid studyId, CancellationToken cancellationToken = default)
    {
        var counters = await db.VariantSlotCounters.AsNoTracking().Where(c => c.StudyId == studyId).ToListAsync(cancellationToken);
        var filled = await db.Assessments.AsNoTracking().Where(a => a.StudyId == studyId && a.Included)
            .GroupBy(a => new { a.VariantId, a.Platform }).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => (g.Key.VariantId, g.Key.Platform), g => g.Count, cancellationToken);
        var held = await db.Reservations.AsNoTracking().Where(r => r.StudyId == studyId && r.Status == ReservationStatus.Held)
            .GroupBy(r => new { r.VariantId, r.Platform }).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => (g.Key.VariantId, g.Key.Platform), g => g.Count, cancellationToken);
        var variants = await db.Variants.AsNoTracking().Where(v => v.StudyId == studyId).Select(v => v.Id).ToListAsync(cancellationToken);
        var stored = counters.ToDictionary(c => (c.VariantId, c.Platform));
        return variants
            .SelectMany(v => Enum.GetValues<Platform>().Select(p => (VariantId: v, Platform: p)))
            .Select(key => new Drift(key.VariantId, key.Platform,
                stored.TryGetValue(key, out var c) ? c.Filled : -1, c?.Held ?? -1,
                filled.GetValueOrDefault(key), held.GetValueOrDefault(key)))
            .Where(d => d.Filled != d.RecountFilled || d.Held != d.RecountHeld)
            .ToList();
    }
}
