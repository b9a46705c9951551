using PainBias.Core.Fairness;

namespace PainBias.Core.Tests.Fairness;

public class GroupedFoldsTests
{
    private static readonly List<Guid> Faces = Enumerable.Range(1, 23).Select(i => new Guid(i, 0, 0, new byte[8])).ToList();

    [Fact]
    public void Every_face_gets_one_fold_and_sizes_differ_by_at_most_one()
    {
        // Four variants per face, in scrambled order: the fold is a property of the face.
        var variants = Faces.SelectMany(f => Enumerable.Repeat(f, 4)).Reverse().ToList();
        var folds = GroupedFolds.Assign(variants, 5, 42);

        Assert.Equal(23, folds.FoldOfFace.Count);
        var sizes = folds.FoldOfFace.Values.GroupBy(v => v).Select(g => g.Count()).ToList();
        Assert.Equal(5, sizes.Count);
        Assert.True(sizes.Max() - sizes.Min() <= 1);
    }

    [Fact]
    public void The_seed_fixes_the_folds_whatever_the_input_order()
    {
        var a = GroupedFolds.Assign(Faces, 5, 42);
        var b = GroupedFolds.Assign(Enumerable.Reverse(Faces), 5, 42);
        var c = GroupedFolds.Assign(Faces, 5, 43);

        Assert.All(Faces, f => Assert.Equal(a.FoldOf(f), b.FoldOf(f)));
        Assert.Contains(Faces, f => a.FoldOf(f) != c.FoldOf(f));
    }

    [Fact]
    public void Fewer_faces_than_folds_is_refused()
    {
        var e = Assert.Throws<FairnessDataException>(() => GroupedFolds.Assign(Faces.Take(4), 5, 1));
        Assert.Equal("5-fold cross-validation needs at least 5 source faces; there are 4.", e.Message);
    }
}
