using System.Text;

namespace PainBias.Crowd.Credamo;

/// <summary>
/// Decodes a CSV export as UTF-8 (with or without BOM), UTF-16 (BOM) or GB18030 (a superset of GBK, what Excel on
/// Chinese Windows writes). Hand-written on purpose: there are only these candidates, and strict decoding decides
/// between them exactly, where a statistical charset detector would guess among dozens.
/// </summary>
public static class CredamoTextDecoder
{
    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];

    static CredamoTextDecoder() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public sealed record Decoded(string Text, string EncodingName);

    public static Decoded Decode(ReadOnlySpan<byte> data)
    {
        if (data.StartsWith(Utf8Bom))
            return Checked(Strict(new UTF8Encoding(false, true), data[3..], "UTF-8 with BOM"), "UTF-8 (BOM)");
        if (data.StartsWith(stackalloc byte[] { 0xFF, 0xFE }))
            return Checked(Strict(new UnicodeEncoding(false, false, true), data[2..], "UTF-16"), "UTF-16LE (BOM)");
        if (data.StartsWith(stackalloc byte[] { 0xFE, 0xFF }))
            return Checked(Strict(new UnicodeEncoding(true, false, true), data[2..], "UTF-16"), "UTF-16BE (BOM)");
        // Text in GBK is almost never valid UTF-8 (its two-byte sequences break UTF-8's continuation rules), so
        // strict UTF-8 first and GB18030 second tells them apart.
        if (TryStrict(new UTF8Encoding(false, true), data) is { } utf8)
            return Checked(utf8, "UTF-8");
        var gb18030 = Encoding.GetEncoding(54936, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
        if (TryStrict(gb18030, data) is { } chinese)
            return Checked(chinese, "GB18030");
        throw new CredamoFileException(
            "The file is neither UTF-8 nor GB18030/GBK text. Export it again from Credamo as CSV (or XLSX), or save it from Excel as \"CSV UTF-8\".");
    }

    private static string Strict(Encoding encoding, ReadOnlySpan<byte> data, string name) =>
        TryStrict(encoding, data) ?? throw new CredamoFileException($"The file starts with a {name} byte-order mark but is not valid {name} text. Export it again.");

    private static string? TryStrict(Encoding encoding, ReadOnlySpan<byte> data)
    {
        try
        {
            return encoding.GetString(data);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    private static Decoded Checked(string text, string name)
    {
        // Valid bytes can still be no text at all (a renamed binary file decodes as GB18030 now and then).
        foreach (var c in text)
        {
            if (char.IsControl(c) && c is not ('\t' or '\r' or '\n'))
                throw new CredamoFileException($"The file holds binary data, not a CSV table (read as {name}). Upload the CSV or XLSX export itself.");
        }
        return new Decoded(text, name);
    }
}
