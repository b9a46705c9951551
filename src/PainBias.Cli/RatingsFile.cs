using System.Security.Cryptography;
using System.Text;
using PainBias.Core.Statistics;

namespace PainBias.Cli;

/// <summary>A ratings CSV read from disk: its rows and the MD5 of its exact bytes.</summary>
public sealed record RatingsFile(string Path, IReadOnlyList<RatingObservation> Rows, string Md5)
{
    /// <summary>
    /// Reads and validates a ratings file. UTF-8 with or without a byte-order mark and LF or CRLF line
    /// endings are accepted (Excel writes BOM + CRLF); anything else is refused with the line and column
    /// where it goes wrong, because misreading a file silently would skew the statistics.
    /// </summary>
    public static RatingsFile Load(string path)
    {
        var name = System.IO.Path.GetFileName(path);
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw CliException.BadInput($"{path}: no such file.");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw CliException.BadInput($"{path}: cannot be read: {e.Message}");
        }

        var text = TextDecoding.FindUtf8Problem(bytes) is { } problem
            ? throw CliException.BadInput($"{name}: {problem}")
            : Encoding.UTF8.GetString(bytes);

        IReadOnlyList<RatingObservation> rows;
        try
        {
            rows = RatingsCsv.Read(new StringReader(text));
        }
        catch (RatingsCsvException e)
        {
            throw CliException.BadInput($"{name}: {e.Message}");
        }
        if (rows.Count == 0)
            throw CliException.BadInput($"{name}: Line 2: the ratings CSV has a header but no rating rows.");

        return new RatingsFile(path, rows, Convert.ToHexStringLower(MD5.HashData(bytes)));
    }
}
