using PainBias.Core.Domain;

namespace PainBias.Core.Fairness;

/// <summary>Refuses data an experiment or audit cannot use, naming the images or faces at fault.</summary>
internal static class FairnessInputCheck
{
    public static void Images(IReadOnlyList<FairnessImage> images)
    {
        if (images.Count == 0) throw new FairnessDataException("There are no images to train on.");
        var dup = images.GroupBy(i => i.VariantId).FirstOrDefault(g => g.Count() > 1);
        if (dup is not null) throw new FairnessDataException($"Variant {dup.Key} appears more than once.");

        var width = images[0].Features.Count;
        if (width == 0) throw new FairnessDataException($"Variant {images[0].VariantId} has no features.");
        foreach (var image in images)
        {
            if (image.Features.Count != width)
                throw new FairnessDataException($"Variant {image.VariantId} has {image.Features.Count} features; the others have {width}.");
            for (var j = 0; j < width; j++)
                if (!double.IsFinite(image.Features[j]))
                    throw new FairnessDataException($"Variant {image.VariantId} (face {image.FaceId}, {image.Condition}) has a non-finite feature {j}: {image.Features[j]}.");
            foreach (var r in image.Ratings)
                if (!double.IsFinite(r) || r < 0 || r > IndividualFairness.PspiRange)
                    throw new FairnessDataException($"Variant {image.VariantId} has a PSPI rating outside 0–16: {r}.");
        }

        Counterparts(images.Select(i => (i.FaceId, i.Condition)).ToList());
    }

    /// <summary>Every face has each condition the study uses once, and the skin-tone pair (Original, SkinTone) is among them.</summary>
    public static void Counterparts(IReadOnlyList<(Guid FaceId, Condition Condition)> images)
    {
        var twice = images.GroupBy(i => i).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null) throw new FairnessDataException($"Face {twice.Key.FaceId} has two {twice.Key.Condition} variants.");
        var used = images.Select(i => i.Condition).ToHashSet();
        if (!used.Contains(Condition.Original) || !used.Contains(Condition.SkinTone))
            throw new FairnessDataException("Individual fairness needs Original and SkinTone variants; the data have "
                + string.Join(", ", used.Order()) + ".");
        var missing = images.GroupBy(i => i.FaceId)
            .Select(g => (Face: g.Key, Missing: used.Except(g.Select(i => i.Condition)).Order().ToList()))
            .Where(f => f.Missing.Count > 0)
            .OrderBy(f => f.Face)
            .ToList();
        if (missing.Count > 0)
            throw new FairnessDataException($"{missing.Count} face(s) lack counterparts: "
                + string.Join("; ", missing.Take(10).Select(f => $"face {f.Face} has no {string.Join(", ", f.Missing)}"))
                + (missing.Count > 10 ? $" and {missing.Count - 10} more." : "."));
    }
}
