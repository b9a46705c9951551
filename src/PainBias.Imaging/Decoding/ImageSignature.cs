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

    /// <summary>Photo formats people upload that this build does not decode, so the message can say what to do.</summary>
    public static string? SniffUnsupported(ReadOnlySpan<byte> data)
    {
        if (data.Length >= 12 && data[4..8].SequenceEqual("ftyp"u8))
        {
            var brand = data[8..12];
            if (brand.SequenceEqual("avif"u8) || brand.SequenceEqual("avis"u8))
            {
                return "AVIF";
            }

            if (brand.SequenceEqual("heic"u8) || brand.SequenceEqual("heix"u8) || brand.SequenceEqual("mif1"u8) || brand.SequenceEqual("msf1"u8))
            {
                return "HEIC";
            }
        }

        return data.StartsWith("II*\0"u8) || data.StartsWith("MM\0*"u8) ? "TIFF" : null;
    }
}
