namespace PainBias.Imaging.Decoding;

/// <summary>Magic numbers, so a damaged photo is told apart from a file that was never an image.</summary>
internal static class ImageSignature
{
    public static string? Sniff(ReadOnlySpan<byte> data)
    {
        if (data.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return "PNG";
        }

        if (data.Length >= 3 && data[0] == 0xFF && data[1] == 0xD8 && data[2] == 0xFF)
        {
            return "JPEG";
        }

        if (data.StartsWith("GIF8"u8))
        {
            return "GIF";
        }

        if (data.Length >= 12 && data.StartsWith("RIFF"u8) && data[8..12].SequenceEqual("WEBP"u8))
        {
            return "WebP";
        }

        return data.StartsWith("BM"u8) ? "BMP" : null;
    }
}
