using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace PainBias.Web.Features.VariantImport;

/// <summary>
/// The manifest: a CSV with a header and one line per variant — <c>file</c> (the name or path in the upload),
/// <c>face</c> (the source face's label or id) and <c>condition</c> (skin, age or skin_age). Commas or semicolons
/// (as European Excel saves), with or without a BOM.
/// </summary>
public static class ImportManifest
{
    public sealed record Row(int Line, string File, string Face, string Condition);

    private static readonly string[] FileColumns = ["file", "filename", "file_name", "image", "path"];
    private static readonly string[] FaceColumns = ["face", "source_face", "sourceface", "label", "face_id", "faceid", "source"];
    private static readonly string[] ConditionColumns = ["condition", "variant"];

    public static IReadOnlyList<Row> Parse(ImportEntry manifest, List<ImportProblem> problems)
    {
        var rows = new List<Row>();
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            DetectDelimiter = true,
            DetectDelimiterValues = [",", ";", "\t"],
            TrimOptions = TrimOptions.Trim,
            MissingFieldFound = null,
            BadDataFound = null,
        };
        using var reader = new StreamReader(new MemoryStream(manifest.Data), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        using var csv = new CsvReader(reader, config);
        if (!csv.Read() || !csv.ReadHeader() || csv.HeaderRecord is not { } header)
        {
            problems.Add(new ImportProblem(manifest.Display, "The manifest is empty. It needs a header line \"file,face,condition\" and one line per variant."));
            return rows;
        }

        var names = header.Select(h => h.Trim().ToLowerInvariant()).ToArray();
        var (file, face, condition) = (Find(names, FileColumns), Find(names, FaceColumns), Find(names, ConditionColumns));
        var missing = new[] { ("file", file), ("face", face), ("condition", condition) }.Where(c => c.Item2 < 0).Select(c => c.Item1).ToList();
        if (missing.Count > 0)
        {
            problems.Add(new ImportProblem(manifest.Display,
                $"The manifest's header lacks the column(s) {string.Join(", ", missing)}; it has {string.Join(", ", header.Select(h => $"\"{h}\""))}. Use the header \"file,face,condition\"."));
            return rows;
        }

        while (csv.Read())
        {
            var line = csv.Parser.RawRow;
            var values = (Get(csv, file), Get(csv, face), Get(csv, condition));
            if (values is ("", "", ""))
                continue;
            var empty = new[] { ("file", values.Item1), ("face", values.Item2), ("condition", values.Item3) }.Where(v => v.Item2.Length == 0).Select(v => v.Item1).ToList();
            if (empty.Count > 0)
            {
                problems.Add(new ImportProblem($"{manifest.Display} line {line}", $"The line has no {string.Join(" and no ", empty)}."));
                continue;
            }
            var path = values.Item1.Replace('\\', '/');
            rows.Add(new Row(line, path.StartsWith("./", StringComparison.Ordinal) ? path[2..] : path, values.Item2, values.Item3));
        }
        if (rows.Count == 0 && problems.Count == 0)
            problems.Add(new ImportProblem(manifest.Display, "The manifest has a header but no lines; add one line per variant."));
        return rows;
    }

    private static int Find(string[] header, string[] aliases) => Array.FindIndex(header, aliases.Contains);

    private static string Get(CsvReader csv, int index) => csv.TryGetField<string>(index, out var value) ? value?.Trim() ?? "" : "";
}
