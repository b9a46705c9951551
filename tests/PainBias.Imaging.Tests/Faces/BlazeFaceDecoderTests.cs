using PainBias.Imaging.Faces;

namespace PainBias.Imaging.Tests.Faces;

public sealed class BlazeFaceDecoderTests
{
    [Fact]
    public void Sigmoid_is_a_half_at_zero_and_stays_finite_for_huge_logits()
    {
        Assert.Equal(0.5f, BlazeFaceDecoder.Sigmoid(0), 6);
        Assert.Equal(1f, BlazeFaceDecoder.Sigmoid(1e30f), 6);
        Assert.Equal(0f, BlazeFaceDecoder.Sigmoid(-1e30f), 6);
        Assert.True(float.IsFinite(BlazeFaceDecoder.Sigmoid(float.MaxValue)));
    }

    [Fact]
    public void Decodes_one_anchor_into_image_pixels_through_the_letterbox()
    {
        var anchors = BlazeFaceAnchors.ShortRange;
        var logits = Enumerable.Repeat(-10f, anchors.Length).ToArray();
        var regressors = new float[anchors.Length * BlazeFaceDecoder.ValuesPerAnchor];
        var index = ((4 * 16) + 8) * 2; // stride-8 cell x 8, y 4: centre (8.5/16, 4.5/16)
        logits[index] = 3f;
        var r = regressors.AsSpan(index * BlazeFaceDecoder.ValuesPerAnchor);
        r[0] = 12.8f;  // centre moves 0.1 of the input to the right
        r[2] = 32f;    // a quarter of the input wide
        r[3] = 64f;    // and half of it high
        r[4] = -6.4f;  // right eye 0.05 left of the anchor
        r[5] = 6.4f;   // and 0.05 below it

        // A 200×100 image is letterboxed into a 200-pixel square with 50 pixels of padding above.
        var found = BlazeFaceDecoder.Decode(logits, regressors, anchors, 0.5f, Letterbox.For(200, 100));

        var face = Assert.Single(found);
        Assert.Equal(1 / (1 + MathF.Exp(-3)), face.Score, 5);
        var centreX = (8.5f / 16 + 0.1f) * 200;
        var centreY = (4.5f / 16 * 200) - 50;
        Assert.Equal(centreX - 25, face.Box.X, 3);
        Assert.Equal(centreY - 50, face.Box.Y, 3);
        Assert.Equal(50f, face.Box.Width, 3);
        Assert.Equal(100f, face.Box.Height, 3);
        Assert.Equal((8.5f / 16 - 0.05f) * 200, face.RightEye.X, 3);
        Assert.Equal(((4.5f / 16 + 0.05f) * 200) - 50, face.RightEye.Y, 3);
        Assert.Equal(8.5f / 16 * 200, face.Mouth.X, 3);
    }

    [Fact]
    public void Rejects_tensors_that_do_not_match_the_anchors() =>
        Assert.Throws<ArgumentException>(() => BlazeFaceDecoder.Decode(new float[10], new float[160], BlazeFaceAnchors.ShortRange, 0.5f, Letterbox.For(1, 1)));
}
