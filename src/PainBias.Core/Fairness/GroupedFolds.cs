namespace PainBias.Core.Fairness;

/// <summary>
/// k folds over source faces: every variant of a face is in the same fold. Faces are sorted, shuffled with the
/// seed and dealt round-robin, so fold sizes differ by at most one face and the same seed gives the same folds.
/// </summary>
public sealed class GroupedFolds
{
    private readonly Dictionary<Guid, int> _foldOf;

    private GroupedFolds(Dictionary<Guid, int> foldOf, int count)
    {
        _foldOf = foldOf;
        Count = count;
    }

    public int Count { get; }

    public IReadOnlyDictionary<Guid, int> FoldOfFace => _foldOf;

    public int FoldOf(Guid faceId) => _foldOf[faceId];

    public static GroupedFolds Assign(IEnumerable<Guid> faceIds, int folds, ulong seed)
    {
        if (folds < 2) throw new ArgumentOutOfRangeException(nameof(folds), folds, "Cross-validation needs at least 2 folds.");
        var faces = faceIds.Distinct().Order().ToList();
        if (faces.Count < folds)
            throw new FairnessDataException($"{folds}-fold cross-validation needs at least {folds} source faces; there are {faces.Count}.");

        new SplitMix64(seed).Shuffle(faces);
        var foldOf = new Dictionary<Guid, int>();
        for (var i = 0; i < faces.Count; i++) foldOf[faces[i]] = i % folds;
        return new GroupedFolds(foldOf, folds);
    }
}
