using SkiaSharp;

namespace PainBias.Imaging.Features;

/// <summary>Frozen image features for training pain-regression heads.</summary>
public interface IImageFeaturizer
{
    /// <summary>Names the model in caches and provenance, e.g. "resnet18".</summary>
    string Name { get; }

    /// <summary>Lower-case hex SHA-256 of the model file: cached features are keyed by it.</summary>
    string ModelSha256 { get; }

    int Dimensions { get; }

    /// <summary>One feature vector per image, in order.</summary>
    IReadOnlyList<float[]> Extract(IReadOnlyList<SKBitmap> images);
}
