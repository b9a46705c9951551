using PainBias.Core.Domain;

namespace PainBias.Core.Tests.Domain;

public class SlotChoiceTests
{
    private static readonly Guid FaceA = Guid.NewGuid();
    private static readonly Guid FaceB = Guid.NewGuid();

    [Fact]
    public void Picks_the_least_loaded_eligible_variant()
    {
        var light = new VariantLoad(Guid.NewGuid(), FaceB, Filled: 1, Held: 0);
        var loads = new[] { new VariantLoad(Guid.NewGuid(), FaceA, 2, 1), light, new VariantLoad(Guid.NewGuid(), FaceB, 1, 1) };
        Assert.Equal(light, SlotChoice.Choose(loads, quota: 5, new HashSet<Guid>(), new Random(1)));
    }

    [Fact]
    public void Never_offers_a_second_variant_of_a_face_already_seen()
    {
        var loads = new[] { new VariantLoad(Guid.NewGuid(), FaceA, 0, 0), new VariantLoad(Guid.NewGuid(), FaceB, 4, 0) };
        var chosen = SlotChoice.Choose(loads, 5, new HashSet<Guid> { FaceA }, new Random(1));
        Assert.Equal(FaceB, chosen!.SourceFaceId);
    }

    [Fact]
    public void Full_variants_count_held_slots_and_yield_nothing()
    {
        var loads = new[] { new VariantLoad(Guid.NewGuid(), FaceA, 3, 2), new VariantLoad(Guid.NewGuid(), FaceB, 5, 0) };
        Assert.Null(SlotChoice.Choose(loads, 5, new HashSet<Guid>(), new Random(1)));
    }

    [Fact]
    public void Ties_are_broken_uniformly_at_random()
    {
        var loads = Enumerable.Range(0, 4).Select(_ => new VariantLoad(Guid.NewGuid(), Guid.NewGuid(), 1, 0)).ToArray();
        var counts = loads.ToDictionary(l => l.VariantId, _ => 0);
        var random = new Random(42);
        for (var i = 0; i < 4000; i++)
            counts[SlotChoice.Choose(loads, 3, new HashSet<Guid>(), random)!.VariantId]++;
        // Each of four tied variants expects 1000 picks; 4 binomial SDs is about ±110.
        Assert.All(counts.Values, c => Assert.InRange(c, 880, 1120));
    }
}
