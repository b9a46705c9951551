using System.Globalization;
using PainBias.Core.Domain;

namespace PainBias.Core.Statistics;

/// <summary>
/// Reads the ratings CSV of the analysis verb and the R fixtures (header: platform, assessor_id,
/// subject_id, gender, orig_race, orig_age, variant, perceived_race, perceived_age, au4 … au43, pspi).
/// Takes a <see cref="TextReader"/> so the caller owns the I/O; every problem names its line and column.
/// Fields are plain comma-separated values: the format has no quoting.
/// </summary>
public static class RatingsCsv
{
    public static readonly IReadOnlyList<string> Columns =
    [
        "platform", "assessor_id", "subject_id", "gender", "orig_race", "orig_age", "variant",
        "perceived_race", "perceived_age", "au4", "au6", "au7", "au9", "au10", "au43", "pspi",
    ];

    public static IReadOnlyList<RatingObservation> Read(TextReader reader)
    {
        var headerLine = reader.ReadLine() ?? throw new RatingsCsvException("Line 1: the ratings CSV is empty (no header line).");
        var header = Split(headerLine.TrimStart('\uFEFF'), 1);
        var missing = Columns.Where(c => !header.Contains(c, StringComparer.Ordinal)).ToList();
        if (missing.Count > 0)
            throw new RatingsCsvException($"Line 1 (header): the ratings CSV lacks column(s): {string.Join(", ", missing)}.");
        var index = Columns.ToDictionary(c => c, c => Array.IndexOf(header, c));

        var rows = new List<RatingObservation>();
        var lineNumber = 1;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0) continue;
            var fields = Split(line, lineNumber);
            if (fields.Length != header.Length)
                throw new RatingsCsvException($"Line {lineNumber}: expected {header.Length} fields, got {fields.Length}.");
            rows.Add(ReadRow(fields, index, lineNumber));
        }
        return rows;
    }

    // The ratings format never needs quoting (ids, codes and integers); a quote means the file
    // came from elsewhere and is refused rather than misread.
    private static string[] Split(string line, int lineNumber) =>
        line.Contains('"')
            ? throw new RatingsCsvException($"Line {lineNumber}: quoted fields are not supported in the ratings CSV.")
            : line.Split(',').Select(f => f.Trim()).ToArray();

    private static RatingObservation ReadRow(string[] fields, Dictionary<string, int> index, int line)
    {
        string Raw(string column) => fields[index[column]];
        string Text(string column)
        {
            var value = Raw(column);
            return value.Length == 0 ? throw Bad(line, column, value, "a value") : value;
        }
        T Parse<T>(string column, string expected, Func<string, T?> parse) where T : struct =>
            parse(Text(column)) ?? throw Bad(line, column, Raw(column), expected);
        int Int(string column) => Parse(column, "an integer",
            v => int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) ? i : (int?)null);

        var gender = Parse("gender", "F or M", v => v switch { "F" => Gender.F, "M" => Gender.M, _ => (Gender?)null });
        var origRace = Parse("orig_race", "W or B", ParseRace);
        var origAge = Parse("orig_age", "Y or S", ParseAge);
        var condition = Parse("variant", "original, skin, age or skin_age",
            v => ConditionExtensions.TryParseCode(v, out var c) ? c : (Condition?)null);
        var perceivedRace = Parse("perceived_race", "W or B", ParseRace);
        var perceivedAge = Parse("perceived_age", "Y or S", ParseAge);
        if (perceivedRace != condition.PerceivedRace(origRace))
            throw Bad(line, "perceived_race", Raw("perceived_race"), $"{condition.PerceivedRace(origRace)} (orig_race {origRace}, variant {condition.Code()})");
        if (perceivedAge != condition.PerceivedAge(origAge))
            throw Bad(line, "perceived_age", Raw("perceived_age"), $"{condition.PerceivedAge(origAge).Code()} (orig_age {origAge.Code()}, variant {condition.Code()})");

        if (!AuRating.TryCreate(Int("au4"), Int("au6"), Int("au7"), Int("au9"), Int("au10"), Int("au43"), out var rating, out var errors))
            throw new RatingsCsvException($"Line {line}: {string.Join(" ", errors.Select(e => e.Message))}");
        var pspi = Int("pspi");
        if (pspi != rating!.Pspi)
            throw Bad(line, "pspi", pspi.ToString(CultureInfo.InvariantCulture), $"{rating.Pspi} (au4 + max(au6, au7) + max(au9, au10) + au43)");

        return new RatingObservation(Text("platform"), Text("assessor_id"), Text("subject_id"), gender,
            origRace, origAge, condition, perceivedRace, perceivedAge, rating);
    }

    private static Race? ParseRace(string v) => v switch { "W" => Race.W, "B" => Race.B, _ => null };

    private static AgeGroup? ParseAge(string v) => v switch { "Y" => AgeGroup.Young, "S" => AgeGroup.Senior, _ => null };

    private static RatingsCsvException Bad(int line, string column, string? value, string expected) =>
        new($"Line {line}, column {column}: expected {expected}, got '{value}'.");
}

public sealed class RatingsCsvException(string message) : FormatException(message);
