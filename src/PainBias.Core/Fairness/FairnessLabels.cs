namespace PainBias.Core.Fairness;

/// <summary>Training labels from included ratings.</summary>
public static class FairnessLabels
{
    /// <summary>
    /// Labels for every image. Average gives an image and its <paramref name="averageWith"/> counterpart the mean of
    /// their two image means (each image weighs the same, however many ratings it has). Throws when an image has no
    /// included rating or, for Average, no counterpart.
    /// </summary>
    public static IReadOnlyDictionary<Guid, ImageLabel> Compute(
        IReadOnlyList<FairnessImage> images, LabelKind kind, PairType averageWith = PairType.SkinTone)
    {
        var unrated = images.Where(i => i.Ratings.Count == 0).ToList();
        if (unrated.Count > 0)
            throw new FairnessDataException(
                $"{unrated.Count} image(s) have no included rating, so they have no label: {Describe(unrated)}.");

        var own = images.ToDictionary(i => i.VariantId, i => (Mean: i.Ratings.Average(), i.Ratings.Count));
        if (kind == LabelKind.Original)
            return images.ToDictionary(i => i.VariantId, i => new ImageLabel(i.VariantId, own[i.VariantId].Mean, own[i.VariantId].Count, 0));

        var byFace = images.ToLookup(i => (i.FaceId, i.Condition));
        var labels = new Dictionary<Guid, ImageLabel>();
        var missing = new List<string>();
        foreach (var image in images)
        {
            var counterpartCondition = averageWith.Counterpart(image.Condition);
            var counterpart = counterpartCondition is { } c ? byFace[(image.FaceId, c)].FirstOrDefault() : null;
            if (counterpart is null)
            {
                missing.Add($"face {image.FaceId} {image.Condition} has no {averageWith} counterpart");
                continue;
            }

            var (mine, theirs) = (own[image.VariantId], own[counterpart.VariantId]);
            labels[image.VariantId] = new ImageLabel(image.VariantId, (mine.Mean + theirs.Mean) / 2, mine.Count, theirs.Count);
        }

        if (missing.Count > 0)
            throw new FairnessDataException($"Average labels need every image's counterpart: {string.Join("; ", missing.Take(10))}"
                + (missing.Count > 10 ? $" and {missing.Count - 10} more." : "."));
        return labels;
    }

    private static string Describe(IReadOnlyList<FairnessImage> images) =>
        string.Join(", ", images.Take(10).Select(i => $"face {i.FaceId} {i.Condition}")) + (images.Count > 10 ? $" and {images.Count - 10} more" : "");
}
