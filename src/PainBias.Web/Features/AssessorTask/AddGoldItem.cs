using Microsoft.EntityFrameworkCore;
using PainBias.Core.Domain;
using PainBias.Data;
using PainBias.Data.Entities;
using PainBias.Web.Features.Audit;
using PainBias.Web.Features.Studies;
using PainBias.Web.Hosting;

namespace PainBias.Web.Features.AssessorTask;

/// <summary>Makes an image of the study a screening face with the expert's AU codes and a tolerance.</summary>
public static class AddGoldItem
{
    public sealed record Command(Guid StudyId, Guid VariantId, int Au4, int Au6, int Au7, int Au9, int Au10, int Au43, int Tolerance = 1);

    public sealed class Handler(IDbContextFactory<PainBiasDbContext> contexts, TimeProvider clock)
    {
        /// <summary>The new item's id; null when the study is not the actor's; messages when the codes or the image are wrong.</summary>
        public async Task<(Guid? Id, IReadOnlyList<string> Errors)> HandleAsync(Command command, Actor actor, CancellationToken cancellationToken)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            if (!await db.Studies.VisibleTo(actor).AnyAsync(s => s.Id == command.StudyId, cancellationToken))
                return (null, []);
            var errors = new List<string>();
            if (!AuRating.TryCreate(command.Au4, command.Au6, command.Au7, command.Au9, command.Au10, command.Au43, out _, out var auErrors))
                errors.AddRange(auErrors.Select(e => e.Message));
            if (command.Tolerance is < 0 or > 5)
                errors.Add("tolerance must be 0..5 intensity steps.");
            var image = await db.Variants.Where(v => v.Id == command.VariantId && v.StudyId == command.StudyId)
                .Select(v => v.ImageSha256).SingleOrDefaultAsync(cancellationToken);
            if (image is null)
                errors.Add("variantId must be an image of this study.");
            if (errors.Count > 0)
                return (Guid.Empty, errors);
            var order = await db.GoldItems.CountAsync(g => g.StudyId == command.StudyId, cancellationToken);
            var item = new GoldItem
            {
                Id = Guid.NewGuid(), StudyId = command.StudyId, Order = order, ImageSha256 = image!,
                Au4 = command.Au4, Au6 = command.Au6, Au7 = command.Au7, Au9 = command.Au9, Au10 = command.Au10, Au43 = command.Au43,
                Tolerance = command.Tolerance,
            };
            db.GoldItems.Add(item);
            db.Audit(actor, clock.GetUtcNow().UtcDateTime, "study.gold.add", "study", command.StudyId.ToString(),
                $"gold item {item.Id} from variant {command.VariantId} (AU4 {item.Au4} AU6 {item.Au6} AU7 {item.Au7} AU9 {item.Au9} AU10 {item.Au10} AU43 {item.Au43}, tolerance {item.Tolerance})");
            await db.SaveChangesAsync(cancellationToken);
            return (item.Id, []);
        }
    }
}
