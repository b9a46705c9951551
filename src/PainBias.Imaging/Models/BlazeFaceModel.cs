using System.Security.Cryptography;

namespace PainBias.Imaging.Models;

/// <summary>The BlazeFace short-range ONNX model shipped inside this assembly (see Models/NOTICE.md).</summary>
public static class BlazeFaceModel
{
    public const string FileName = "face_detection_front_128x128_barracuda.onnx";

    private static readonly Lazy<byte[]> Bytes = new(Load);

    /// <summary>Embedded rather than looked up on disk, so every host and test finds the same file.</summary>
    public static byte[] GetBytes() => Bytes.Value;

    /// <summary>Lower-case hex SHA-256 of the model, for variant provenance.</summary>
    public static string Sha256 { get; } = Convert.ToHexStringLower(SHA256.HashData(Bytes.Value));

    private static byte[] Load()
    {
        using var stream = typeof(BlazeFaceModel).Assembly.GetManifestResourceStream(FileName)
            ?? throw new InvalidOperationException($"The embedded model {FileName} is missing from {typeof(BlazeFaceModel).Assembly.GetName().Name}.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
