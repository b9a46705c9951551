namespace PainBias.Data.Entities;

/// <summary>
/// Frozen features of one image under one model, computed once: keyed by the image's and the model file's SHA-256,
/// so variants sharing an image share the row and a new model file computes afresh.
/// </summary>
public sealed class ImageFeature
{
    public Guid Id { get; set; }
    public required string ImageSha256 { get; set; }
    public required string ModelSha256 { get; set; }

    /// <summary>The featurizer's name, e.g. "resnet18".</summary>
    public required string Extractor { get; set; }
    public int Dimensions { get; set; }

    /// <summary>The vector as little-endian float32, <see cref="Dimensions"/> × 4 bytes.</summary>
    public required byte[] Values { get; set; }
    public string? Node { get; set; }
    public DateTime CreatedAt { get; set; }

    public float[] ToVector()
    {
        var vector = new float[Values.Length / sizeof(float)];
        Buffer.BlockCopy(Values, 0, vector, 0, vector.Length * sizeof(float));
        return vector;
    }

    public static byte[] ToBytes(ReadOnlySpan<float> vector)
    {
        var bytes = new byte[vector.Length * sizeof(float)];
        System.Runtime.InteropServices.MemoryMarshal.AsBytes(vector).CopyTo(bytes);
        return bytes;
    }
}
