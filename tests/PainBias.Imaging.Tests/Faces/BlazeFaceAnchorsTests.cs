using PainBias.Imaging.Faces;

namespace PainBias.Imaging.Tests.Faces;

public sealed class BlazeFaceAnchorsTests
{
    private static readonly Anchor[] Anchors = BlazeFaceAnchors.ShortRange;

    [Fact]
    public void Short_range_has_896_anchors() => Assert.Equal(16 * 16 * 2 + 8 * 8 * 6, Anchors.Length);

    [Fact]
    public void Stride_8_grid_comes_first_with_two_anchors_per_cell()
    {
        Assert.Equal(new Anchor(0.5f / 16, 0.5f / 16), Anchors[0]);
        Assert.Equal(Anchors[0], Anchors[1]);
        Assert.Equal(new Anchor(1.5f / 16, 0.5f / 16), Anchors[2]);
        Assert.Equal(new Anchor(0.5f / 16, 1.5f / 16), Anchors[32]);
        Assert.Equal(new Anchor(15.5f / 16, 15.5f / 16), Anchors[511]);
    }

    [Fact]
    public void Stride_16_grid_follows_with_six_anchors_per_cell()
    {
        Assert.Equal(new Anchor(0.5f / 8, 0.5f / 8), Anchors[512]);
        Assert.All(Anchors[512..518], a => Assert.Equal(Anchors[512], a));
        Assert.Equal(new Anchor(1.5f / 8, 0.5f / 8), Anchors[518]);
        Assert.Equal(new Anchor(7.5f / 8, 7.5f / 8), Anchors[^1]);
    }

    [Fact]
    public void Every_anchor_lies_inside_the_input() =>
        Assert.All(Anchors, a => Assert.True(a.CentreX is > 0 and < 1 && a.CentreY is > 0 and < 1));
}
