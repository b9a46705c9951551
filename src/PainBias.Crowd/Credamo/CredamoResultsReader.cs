using System.Data;
using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using ExcelDataReader;

namespace PainBias.Crowd.Credamo;

/// <summary>
/// Reads a Credamo results export, CSV (any encoding <see cref="CredamoTextDecoder"/> knows) or Excel (XLSX/XLS,
/// first sheet), into rows of response id, user id and completion code.
/// </summary>
public static class CredamoResultsReader
{
    public const int MaxRows = 200_000;

    public static CredamoResults Read(byte[] data, CredamoColumnMap map)
    {
        if (data.Length == 0)
            throw new CredamoFileException("The file is empty.");
        var warnings = new List<string>();
        string format, encoding;
        List<string[]> table;
        if (IsZip(data) || IsOle(data))
        {
            (format, encoding) = (IsZip(data) ? "XLSX" : "XLS", "Excel");
            table = ReadExcel(data);
        }
        else
        {
            var decoded = CredamoTextDecoder.Decode(data);
            (format, encoding) = ("CSV", decoded.EncodingName);
            table = ReadCsv(decoded.Text, warnings);
        }
        if (table.Count == 0 || table[0].All(string.IsNullOrWhiteSpace))
            throw new CredamoFileException("The file has no header row. The first row must name the columns (e.g. 作答ID, 用户ID, 完成码).");

        var headers = table[0];
        var response = Find(headers, map.ResponseId, "response id", required: false);
        var user = Find(headers, map.UserId, "user id", required: false);
        var code = Find(headers, map.CompletionCode, "completion code", required: true)!.Value;
        var columns = new CredamoColumns(response?.Name, user?.Name, code.Name);
        var (responseIndex, userIndex, codeIndex) = (response?.Index, user?.Index, code.Index);

        var rows = new List<CredamoRow>();
        for (var i = 1; i < table.Count; i++)
        {
            var cells = table[i];
            if (cells.All(string.IsNullOrWhiteSpace))
                continue;
            if (rows.Count == MaxRows)
                throw new CredamoFileException($"The file has more than {MaxRows} rows; split it and import the parts one by one.");
            var raw = Cell(cells, codeIndex) ?? "";
            rows.Add(new CredamoRow(i + 1, Cell(cells, responseIndex), Cell(cells, userIndex), raw, CompletionCodeText.Normalise(raw)));
        }
        return new CredamoResults(format, encoding, columns, rows, warnings);
    }

    private static string? Cell(string[] cells, int? index) =>
        index is { } i && i < cells.Length && !string.IsNullOrWhiteSpace(cells[i]) ? cells[i].Trim() : null;

    private static (int Index, string Name)? Find(string[] headers, IReadOnlyList<string> candidates, string field, bool required)
    {
        var normalised = headers.Select(h => CredamoColumnMap.Normalise(h ?? "")).ToArray();
        foreach (var candidate in candidates)
        {
            var key = CredamoColumnMap.Normalise(candidate);
            var matches = Enumerable.Range(0, headers.Length).Where(i => normalised[i] == key).ToList();
            if (matches.Count > 1)
                throw new CredamoFileException($"The file has {matches.Count} columns named \"{candidate}\"; name the {field} column in the column map.");
            if (matches.Count == 1)
                return (matches[0], headers[matches[0]].Trim());
        }
        // A question column such as "Q7. 请输入完成码" holds the code when exactly one header contains a known name.
        var containing = Enumerable.Range(0, headers.Length)
            .Where(i => candidates.Any(c => CredamoColumnMap.Normalise(c) is { Length: >= 3 } key && normalised[i].Contains(key, StringComparison.Ordinal)))
            .ToList();
        if (containing.Count == 1)
            return (containing[0], headers[containing[0]].Trim());
        if (!required)
            return null;
        var found = string.Join(", ", headers.Where(h => !string.IsNullOrWhiteSpace(h)).Select(h => $"\"{h.Trim()}\""));
        throw new CredamoFileException(containing.Count > 1
            ? $"Several columns could hold the {field} ({string.Join(", ", containing.Select(i => $"\"{headers[i].Trim()}\""))}); name the right one in the column map."
            : $"No {field} column: looked for {string.Join(", ", candidates.Select(c => $"\"{c}\""))}. The file's columns are {found}. Name the {field} column in the column map.");
    }

    private static List<string[]> ReadCsv(string text, List<string> warnings)
    {
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            HasHeaderRecord = false,
            DetectDelimiter = true,
            DetectDelimiterValues = [",", ";", "\t"],
            // Free-text answers may hold stray quotes; the row is kept as read and the line reported.
            BadDataFound = args => warnings.Add($"Row {args.Context.Parser?.Row}: a quote inside an unquoted field was read as is."),
        };
        using var parser = new CsvParser(new StringReader(text), config);
        var rows = new List<string[]>();
        while (parser.Read())
        {
            rows.Add(parser.Record ?? []);
            if (rows.Count > MaxRows + 1)
                throw new CredamoFileException($"The file has more than {MaxRows} rows; split it and import the parts one by one.");
        }
        return rows;
    }

    private static List<string[]> ReadExcel(byte[] data)
    {
        // Old .xls files name their text encoding by code page.
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        try
        {
            using var stream = new MemoryStream(data, writable: false);
            using var reader = ExcelReaderFactory.CreateReader(stream);
            var rows = new List<string[]>();
            while (reader.Read())
            {
                var cells = new string[reader.FieldCount];
                for (var i = 0; i < cells.Length; i++)
                    cells[i] = Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture) ?? "";
                rows.Add(cells);
                if (rows.Count > MaxRows + 1)
                    throw new CredamoFileException($"The file has more than {MaxRows} rows; split it and import the parts one by one.");
            }
            return rows;
        }
        catch (Exception ex) when (ex is not CredamoFileException)
        {
            throw new CredamoFileException($"The Excel file cannot be read ({ex.GetType().Name}). Save it again from Excel as XLSX or export CSV from Credamo.");
        }
    }

    private static bool IsZip(byte[] data) => data.Length > 4 && data[0] == 0x50 && data[1] == 0x4B && data[2] == 0x03 && data[3] == 0x04;

    private static bool IsOle(byte[] data) => data.Length > 8 && data[0] == 0xD0 && data[1] == 0xCF && data[2] == 0x11 && data[3] == 0xE0;
}
