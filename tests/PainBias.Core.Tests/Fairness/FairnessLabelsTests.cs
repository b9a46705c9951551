using PainBias.Core.Domain;
using PainBias.Core.Fairness;

namespace PainBias.Core.Tests.Fairness;

public class FairnessLabelsTests
{
    private static readonly Guid Face = Guid.NewGuid();

    private static FairnessImage Image(Condition condition, params double[] ratings) =>
        new(Guid.NewGuid(), Face, condition, Gender.F, Race.W, AgeGroup.Young, ratings, [0.0]);

    private static readonly FairnessImage[] Images =
    [
        Image(Condition.Original, 2, 4),        // mean 3, 2 ratings
        Image(Condition.SkinTone, 6, 7, 8),     // mean 7, 3 ratings
        Image(Condition.Age, 10),               // mean 10
        Image(Condition.SkinToneAge, 1, 2, 3, 6), // mean 3
    ];

    [Fact]
    public void Original_labels_are_each_images_mean_with_its_count()
    {
        var labels = FairnessLabels.Compute(Images, LabelKind.Original);
        Assert.Equal([3.0, 7.0, 10.0, 3.0], Images.Select(i => labels[i.VariantId].Value));
        Assert.Equal([2, 3, 1, 4], Images.Select(i => labels[i.VariantId].Ratings));
    }

    [Fact]
    public void Skin_tone_average_shares_the_mean_of_the_two_image_means()
    {
        var labels = FairnessLabels.Compute(Images, LabelKind.Average);
        // Original ↔ SkinTone: (3 + 7) / 2; Age ↔ SkinToneAge: (10 + 3) / 2.
        Assert.Equal([5.0, 5.0, 6.5, 6.5], Images.Select(i => labels[i.VariantId].Value));
        Assert.Equal([5, 5, 5, 5], Images.Select(i => labels[i.VariantId].Ratings));
        Assert.Equal(2, labels[Images[0].VariantId].OwnRatings);
        Assert.Equal(3, labels[Images[0].VariantId].CounterpartRatings);
    }

    [Fact]
    public void Age_average_pairs_original_with_age_and_skin_tone_with_both()
    {
        var labels = FairnessLabels.Compute(Images, LabelKind.Average, PairType.Age);
        // Original ↔ Age: (3 + 10) / 2; SkinTone ↔ SkinToneAge: (7 + 3) / 2.
        Assert.Equal([6.5, 5.0, 6.5, 5.0], Images.Select(i => labels[i.VariantId].Value));
    }

    [Fact]
    public void An_unrated_image_is_refused_by_name()
    {
        var images = Images.Append(new FairnessImage(Guid.NewGuid(), Guid.Parse("00000000-0000-0000-0000-00000000abcd"),
            Condition.Original, Gender.F, Race.W, AgeGroup.Young, [], [0.0])).ToList();
        var e = Assert.Throws<FairnessDataException>(() => FairnessLabels.Compute(images, LabelKind.Original));
        Assert.Contains("00000000-0000-0000-0000-00000000abcd Original", e.Message);
    }

    [Fact]
    public void Average_without_a_counterpart_is_refused()
    {
        var e = Assert.Throws<FairnessDataException>(() => FairnessLabels.Compute(Images[..3], LabelKind.Average));
        Assert.Contains($"face {Face} Age has no SkinTone counterpart", e.Message);
    }
}
