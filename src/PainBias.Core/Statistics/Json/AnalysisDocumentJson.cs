using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace PainBias.Core.Statistics.Json;

/// <summary>Where an analysed ratings file came from: the header fields of the fixture layout.</summary>
/// <param name="Dataset">File name without extension.</param>
/// <param name="SourceCsv">File name as given.</param>
/// <param name="SourceMd5">MD5 of the file bytes, lower-case hex (as R's tools::md5sum).</param>
/// <param name="NRows">Rating rows read.</param>
public sealed record AnalysisSource(string Dataset, string SourceCsv, string SourceMd5, int NRows);

/// <summary>
/// The whole results document in the layout of the R fixtures: dataset, source_csv, source_md5, n_rows,
/// platforms, samples, generated_by, conventions and results. Only generated_by differs in content:
/// it names the program that computed the numbers.
/// </summary>
public static class AnalysisDocumentJson
{
    /// <summary>The fixtures' conventions, which this engine follows.</summary>
    public static readonly IReadOnlyList<KeyValuePair<string, string>> Conventions =
    [
        new("race_diff", "mean(B) - mean(W); t-tests are t.test(x = B, y = W)"),
        new("age_diff", "mean(S) - mean(Y); t-tests are t.test(x = S, y = Y)"),
        new("au_tests", "race: t.test(x = W, y = B, var.equal = FALSE); age: t.test(x = Y, y = S, var.equal = FALSE); p_greater: H1 mean(x) > mean(y); p_less: H1 mean(x) < mean(y)"),
        new("paired", "diff = first-named level minus second (B - W, S - Y), per subject means of ratings within platform"),
        new("ranking", "descending mean PSPI, ties broken by fixed order WS, WY, BS, BY; cells with n = 0 omitted"),
        new("ols_reference_levels", "perceived_race: W (coef = B effect); perceived_age: Y (coef = S effect)"),
        new("null", "null means undefined / not computable (see the sibling 'error' field)"),
    ];

    public static string ToString(AnalysisSource source, IReadOnlyList<KeyValuePair<string, string>> generatedBy, BiasAnalysisResult result)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions
        {
            Indented = true,
            // Same reason as BiasAnalysisJson: formulas hold '+', '>' and quotes; the file is not embedded in HTML.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }))
            Write(writer, source, generatedBy, result);
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    public static void Write(Utf8JsonWriter w, AnalysisSource source, IReadOnlyList<KeyValuePair<string, string>> generatedBy, BiasAnalysisResult result)
    {
        w.WriteStartObject();
        w.WriteString("dataset", source.Dataset);
        w.WriteString("source_csv", source.SourceCsv);
        w.WriteString("source_md5", source.SourceMd5);
        w.WriteNumber("n_rows", source.NRows);
        w.WriteStartArray("platforms");
        foreach (var p in result.Platforms) w.WriteStringValue(p);
        w.WriteEndArray();
        w.WriteStartArray("samples");
        foreach (var s in SampleExtensions.All) w.WriteStringValue(s.ToString());
        w.WriteEndArray();
        WriteStrings(w, "generated_by", generatedBy);
        WriteStrings(w, "conventions", Conventions);
        w.WritePropertyName("results");
        BiasAnalysisJson.WriteResults(w, result);
        w.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter w, string name, IReadOnlyList<KeyValuePair<string, string>> values)
    {
        w.WriteStartObject(name);
        foreach (var (key, value) in values) w.WriteString(key, value);
        w.WriteEndObject();
    }
}
