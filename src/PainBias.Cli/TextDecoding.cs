using System.Buffers;
using System.Text;

namespace PainBias.Cli;

/// <summary>Checks that bytes are UTF-8 text and, when they are not, says where and why.</summary>
public static class TextDecoding
{
    /// <summary>Null when the bytes are valid UTF-8 text (BOM allowed); otherwise the problem, naming line and column.</summary>
    public static string? FindUtf8Problem(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0x00, 0x00]) || bytes.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF]))
            return "Line 1: the file is UTF-32 encoded (it starts with a UTF-32 byte-order mark); save it as UTF-8.";
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
            return "Line 1: the file is UTF-16 encoded (it starts with a UTF-16 byte-order mark); save it as UTF-8.";

        var nul = bytes.IndexOf((byte)0);
        if (nul >= 0)
            return $"{Locate(bytes, nul)}: NUL byte; the file looks binary or UTF-16 without a byte-order mark, but a ratings CSV must be UTF-8 text.";

        for (var i = 0; i < bytes.Length;)
        {
            if (Rune.DecodeFromUtf8(bytes[i..], out _, out var consumed) != OperationStatus.Done)
                return $"{Locate(bytes, i)}: byte 0x{bytes[i]:X2} is not valid UTF-8; save the file as UTF-8.";
            i += consumed;
        }
        return null;
    }

    /// <summary>"Line L, column NAME (byte B)" for a byte offset, naming the CSV column from the header.</summary>
    private static string Locate(ReadOnlySpan<byte> bytes, int offset)
    {
        var before = bytes[..offset];
        var line = before.Count((byte)'\n') + 1;
        var lineStart = before.LastIndexOf((byte)'\n') + 1;
        var field = bytes[lineStart..offset].Count((byte)',');
        var headerEnd = bytes.IndexOf((byte)'\n');
        var header = Encoding.UTF8.GetString(headerEnd < 0 || line == 1 ? [] : bytes[..headerEnd]).TrimStart('\uFEFF').TrimEnd('\r').Split(',');
        var column = field < header.Length && header[field].Trim().Length > 0 ? header[field].Trim() : $"#{field + 1}";
        return $"Line {line}, column {column} (byte {offset - lineStart + 1})";
    }
}
