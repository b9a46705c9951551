using Microsoft.EntityFrameworkCore;
using PainBias.Core.Domain;
using PainBias.Data;
using PainBias.Web.Features.Audit;
using PainBias.Web.Features.Studies;
using PainBias.Web.Hosting;

namespace PainBias.Web.Features.StudySettings;

public sealed record GoldItemRow(Guid Id, int Order, string Image, int Au4, int Au6, int Au7, int Au9, int Au10, int Au43, int Tolerance);

public sealed record VariantChoice(Guid Id, string Label);

public sealed record ScreeningView(string StudyName, IReadOnlyList<GoldItemRow> Items, IReadOnlyList<VariantChoice> Variants);

/// <summary>The screening page's reads and removals; adding goes through <see cref="AssessorTask.AddGoldItem"/>, as the API does.</summary>
public sealed class GoldItems(IDbContextFactory<PainBiasDbContext> contexts, TimeProvider clock)
{
    public async Task<ScreeningView?> LoadAsync(Guid studyId, Actor actor, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var name = await db.Studies.VisibleTo(actor).Where(s => s.Id == studyId).Select(s => s.Name).SingleOrDefaultAsync(cancellationToken);
        if (name is null)
            return null;
        var variants = await db.Variants.AsNoTracking().Where(v => v.StudyId == studyId)
            .Select(v => new { v.Id, v.ImageSha256, Face = v.SourceFace!.Label, v.Condition }).ToListAsync(cancellationToken);
        var labels = variants.GroupBy(v => v.ImageSha256).ToDictionary(g => g.Key, g => $"{g.First().Face} · {g.First().Condition}");
        var items = await db.GoldItems.AsNoTracking().Where(g => g.StudyId == studyId).OrderBy(g => g.Order).ToListAsync(cancellationToken);
        return new ScreeningView(name,
            items.Select(g => new GoldItemRow(g.Id, g.Order, labels.GetValueOrDefault(g.ImageSha256, g.ImageSha256[..12]),
                g.Au4, g.Au6, g.Au7, g.Au9, g.Au10, g.Au43, g.Tolerance)).ToList(),
            variants.OrderBy(v => v.Face).ThenBy(v => v.Condition).Select(v => new VariantChoice(v.Id, $"{v.Face} · {v.Condition}")).ToList());
    }

    /// <summary>Removes one gold item of the actor's study and closes the gap in the order; false when there is none.</summary>
    public async Task<bool> RemoveAsync(Guid studyId, Guid itemId, Actor actor, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!await db.Studies.VisibleTo(actor).AnyAsync(s => s.Id == studyId, cancellationToken))
            return false;
        var items = await db.GoldItems.Where(g => g.StudyId == studyId).OrderBy(g => g.Order).ToListAsync(cancellationToken);
        var item = items.SingleOrDefault(g => g.Id == itemId);
        if (item is null)
            return false;
        db.GoldItems.Remove(item);
        var order = 0;
        foreach (var rest in items.Where(g => g.Id != itemId))
            rest.Order = order++;
        db.Audit(actor, clock.GetUtcNow().UtcDateTime, "study.gold.remove", "study", studyId.ToString(),
            $"gold item {itemId} (AU4 {item.Au4} AU6 {item.Au6} AU7 {item.Au7} AU9 {item.Au9} AU10 {item.Au10} AU43 {item.Au43}, tolerance {item.Tolerance})");
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
