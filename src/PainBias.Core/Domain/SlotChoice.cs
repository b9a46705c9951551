namespace PainBias.Core.Domain;

/// <summary>A variant's allocation state on one platform, as seen by the allocator.</summary>
public sealed record VariantLoad(Guid VariantId, Guid SourceFaceId, int Filled, int Held);

/// <summary>
/// The allocation rule of the design: an arriving assessor gets the eligible variant with the fewest
/// filled + held slots, ties broken at random. Eligible means: quota not yet reached and no variant of
/// the same source face already seen by this assessor. The database enforces the same invariants
/// under concurrency; this is the choice itself, kept pure so it can be tested exhaustively.
/// </summary>
public static class SlotChoice
{
    public static VariantLoad? Choose(IEnumerable<VariantLoad> loads, int quota, IReadOnlySet<Guid> facesSeen, Random random)
    {
        VariantLoad? best = null;
        var ties = 0;
        foreach (var load in loads)
        {
            var taken = load.Filled + load.Held;
            if (taken >= quota || facesSeen.Contains(load.SourceFaceId))
                continue;
            var bestTaken = best is null ? int.MaxValue : best.Filled + best.Held;
            if (taken < bestTaken)
            {
                best = load;
                ties = 1;
            }
            else if (taken == bestTaken && random.Next(++ties) == 0)
            {
                best = load; // reservoir sampling keeps every tied candidate equally likely
            }
        }
        return best;
    }
}
