using PainBias.Core.Domain;
using PainBias.Web.Features.Fairness;

namespace PainBias.Web.Tests.Fairness;

public class ExternalLabelsCsvTests
{
    private static readonly ExternalLabelsCsv.StudyVariant[] Variants =
    [
        new(Guid.Parse("11111111-1111-1111-1111-111111111111"), "S001", Condition.Original, new string('a', 64)),
        new(Guid.Parse("22222222-2222-2222-2222-222222222222"), "S001", Condition.SkinTone, new string('b', 64)),
        new(Guid.Parse("33333333-3333-3333-3333-333333333333"), "S002", Condition.Original, new string('c', 64)),
        new(Guid.Parse("44444444-4444-4444-4444-444444444444"), "S002", Condition.Age, new string('c', 64)),
    ];

    [Fact]
    public void Variant_ids_with_semicolons_and_a_bom_are_read()
    {
        var parsed = ExternalLabelsCsv.Parse("\uFEFFvariant_id;label\r\n11111111-1111-1111-1111-111111111111;4.5\r\n22222222-2222-2222-2222-222222222222;0\r\n", Variants);
        Assert.True(parsed.Succeeded, string.Join(" ", parsed.Errors));
        Assert.Equal(4.5, parsed.Labels[Variants[0].VariantId]);
        Assert.Equal(0, parsed.Labels[Variants[1].VariantId]);
    }

    [Fact]
    public void An_image_may_be_named_by_its_sha256_unless_two_variants_share_it()
    {
        var parsed = ExternalLabelsCsv.Parse($"image,label\n{new string('b', 64)},7\n{new string('c', 64)},3\ns002/AGE,2\n", Variants);
        Assert.Equal([$"Line 3: the image {new string('c', 12)}… is used by 2 variants; name it as face/variant instead."], parsed.Errors);
        Assert.Empty(parsed.Labels);

        var good = ExternalLabelsCsv.Parse($"image,label\n{new string('b', 64)},7\ns002/AGE,2\n", Variants);
        Assert.Equal(7, good.Labels[Variants[1].VariantId]);
        Assert.Equal(2, good.Labels[Variants[3].VariantId]);
    }

    [Fact]
    public void An_unknown_variant_id_and_an_empty_file_are_refused()
    {
        Assert.Equal(["Line 2: \"not-a-guid\" is not the id of a variant of this study."], ExternalLabelsCsv.Parse("variant_id,label\nnot-a-guid,3\n", Variants).Errors);
        Assert.Equal(["The file is empty; it needs a header row image,label or variant_id,label."], ExternalLabelsCsv.Parse("", Variants).Errors);
        Assert.Equal(["The file has a header but no labels."], ExternalLabelsCsv.Parse("image,label\n", Variants).Errors);
    }
}
