using PainBias.Imaging.Faces;

namespace PainBias.Imaging.Tests.Faces;

public sealed class WeightedNmsTests
{
    private static FaceDetection Face(float x, float y, float size, float score, float keypointX = 0) =>
        new(new FaceBox(x, y, size, size), score, Enumerable.Repeat(new FacePoint(keypointX, 1), FaceDetection.KeypointCount).ToArray());

    [Fact]
    public void Overlapping_candidates_merge_into_their_score_weighted_mean()
    {
        var strong = Face(0, 0, 100, 0.9f, keypointX: 10);
        var weak = Face(10, 0, 100, 0.6f, keypointX: 20); // IoU 90/110 ≈ 0.82

        var kept = WeightedNms.Apply([weak, strong], 0.3f);

        var face = Assert.Single(kept);
        Assert.Equal(0.9f, face.Score);
        Assert.Equal((0 * 0.9f + 10 * 0.6f) / 1.5f, face.Box.X, 4);
        Assert.Equal(100f, face.Box.Width, 4);
        Assert.Equal((10 * 0.9f + 20 * 0.6f) / 1.5f, face.RightEye.X, 4);
    }

    [Fact]
    public void Separate_faces_survive_strongest_first()
    {
        var kept = WeightedNms.Apply([Face(0, 0, 50, 0.7f), Face(200, 0, 50, 0.95f), Face(0, 200, 50, 0.8f)], 0.3f);

        Assert.Equal([0.95f, 0.8f, 0.7f], kept.Select(f => f.Score));
    }

    [Fact]
    public void Overlap_below_the_threshold_keeps_both()
    {
        // IoU of two 100-boxes shifted by 70: 30/170 ≈ 0.18.
        var kept = WeightedNms.Apply([Face(0, 0, 100, 0.9f), Face(70, 0, 100, 0.8f)], 0.3f);

        Assert.Equal(2, kept.Count);
    }

    [Fact]
    public void A_chain_merges_only_into_the_strongest()
    {
        // b overlaps a and c, but a and c do not overlap: a takes b, c stays.
        var a = Face(0, 0, 100, 0.9f);
        var b = Face(40, 0, 100, 0.8f);
        var c = Face(80, 0, 100, 0.7f);

        var kept = WeightedNms.Apply([c, b, a], 0.3f);

        Assert.Equal(2, kept.Count);
        Assert.Equal(0.7f, kept[1].Score);
        Assert.Equal(80f, kept[1].Box.X);
    }

    [Fact]
    public void No_candidates_give_no_faces() => Assert.Empty(WeightedNms.Apply([], 0.3f));
}
