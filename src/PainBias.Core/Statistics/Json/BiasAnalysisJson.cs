using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using PainBias.Core.Domain;

namespace PainBias.Core.Statistics.Json;

/// <summary>
/// Writes analyses in the layout of the R reference fixtures (<c>results</c> object): the same keys,
/// <c>null</c> wherever a statistic is undefined, and a sibling <c>error</c> saying why. Extra keys
/// for the UI (significance <c>stars</c>) are additions the fixtures do not have.
/// </summary>
public static class BiasAnalysisJson
{
    /// <summary>The <c>results</c> object: { platform: { All | Female | Male: analysis } }.</summary>
    public static string ResultsToString(BiasAnalysisResult result, bool indented = true)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions
        {
            Indented = indented,
            // Formulas and rankings hold '+' and '>': keep them readable; the output is not embedded in HTML.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }))
            WriteResults(writer, result);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    public static void WriteResults(Utf8JsonWriter writer, BiasAnalysisResult result)
    {
        writer.WriteStartObject();
        foreach (var platform in result.Platforms)
        {
            writer.WriteStartObject(platform);
            foreach (var analysis in result.Analyses.Where(a => a.Platform == platform))
            {
                writer.WritePropertyName(analysis.Sample.ToString());
                WriteAnalysis(writer, analysis);
            }
            writer.WriteEndObject();
        }
        writer.WriteEndObject();
    }

    public static void WriteAnalysis(Utf8JsonWriter w, SampleAnalysis a)
    {
        w.WriteStartObject();
        w.WriteNumber("n_ratings", a.NRatings);
        w.WriteNumber("n_subjects", a.NSubjects);
        w.WriteNumber("n_assessors", a.NAssessors);
        w.WritePropertyName("race_bias");
        WriteBias(w, a.RaceBias);
        w.WritePropertyName("age_bias");
        WriteBias(w, a.AgeBias);
        w.WritePropertyName("cell_ranking");
        WriteCells(w, a.CellRanking);
        w.WritePropertyName("au_tests");
        WriteAuTests(w, a.AuTests);
        w.WritePropertyName("paired");
        WritePaired(w, a.Paired);
        w.WritePropertyName("ols");
        OlsJson.Write(w, a.Ols);
        w.WritePropertyName("lmer");
        MixedModelJson.Write(w, a.Lmer);
        w.WriteEndObject();
    }

    private static void WriteBias(Utf8JsonWriter w, BiasComparison b)
    {
        var (x, y) = (b.X.Label, b.Y.Label);
        w.WriteStartObject();
        w.WriteNumber($"n_{x}", b.X.N);
        w.WriteNumber($"n_{y}", b.Y.N);
        w.Number($"mean_{x}", b.X.Mean);
        w.Number($"mean_{y}", b.Y.Mean);
        w.Number($"sd_{x}", b.X.Sd);
        w.Number($"sd_{y}", b.Y.Sd);
        w.Number($"var_{x}", b.X.Variance);
        w.Number($"var_{y}", b.Y.Variance);
        w.Number($"diff_{x}_minus_{y}", b.Difference);
        WriteTwoSided(w, "welch", b.Welch);
        WriteTwoSided(w, "pooled", b.Pooled);
        w.WriteEndObject();
    }

    private static void WriteTwoSided(Utf8JsonWriter w, string name, TTestResult t)
    {
        w.WriteStartObject(name);
        w.Number("t", t.T);
        w.Number("df", t.Df);
        w.Number("p_two_sided", t.PTwoSided);
        w.Number("se_diff", t.StandardError);
        w.Number("ci95_low", t.Ci95Low);
        w.Number("ci95_high", t.Ci95High);
        w.WriteString("stars", t.Stars);
        w.StringOrNull("error", t.Error);
        w.WriteEndObject();
    }

    private static void WriteCells(Utf8JsonWriter w, CellRanking c)
    {
        w.WriteStartObject();
        w.WriteStartObject("cells");
        foreach (var cell in c.Cells)
        {
            w.WriteStartObject(cell.Cell);
            w.WriteString("cell", cell.Cell);
            w.WriteNumber("n", cell.N);
            w.Number("mean", cell.Mean);
            w.Number("sd", cell.Sd);
            w.WriteEndObject();
        }
        w.WriteEndObject();
        w.WriteStartArray("ranking");
        foreach (var r in c.Ranking)
        {
            w.WriteStartObject();
            w.WriteNumber("rank", r.Rank);
            w.WriteString("cell", r.Cell);
            w.WriteNumber("mean", r.Mean);
            w.WriteNumber("n", r.N);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteString("ranking_string", c.RankingString);
        w.WriteBoolean("has_ties", c.HasTies);
        w.WriteEndObject();
    }

    private static void WriteAuTests(Utf8JsonWriter w, AuTests tests)
    {
        w.WriteStartObject();
        foreach (var (name, list) in new[] { ("race", tests.Race), ("age", tests.Age) })
        {
            w.WriteStartObject(name);
            foreach (var a in list)
            {
                w.WriteStartObject(a.Au.FieldName());
                w.WriteString("x", a.X.Label);
                w.WriteString("y", a.Y.Label);
                w.WriteNumber("n_x", a.X.N);
                w.WriteNumber("n_y", a.Y.N);
                w.Number("mean_x", a.X.Mean);
                w.Number("mean_y", a.Y.Mean);
                w.Number("sd_x", a.X.Sd);
                w.Number("sd_y", a.Y.Sd);
                w.Number("diff_x_minus_y", a.Difference);
                w.Number("t", a.Welch.T);
                w.Number("df", a.Welch.Df);
                w.Number("se_diff", a.Welch.StandardError);
                w.Number("p_greater", a.Welch.PGreater);
                w.Number("p_less", a.Welch.PLess);
                w.Number("p_two_sided", a.Welch.PTwoSided);
                w.WriteString("stars", a.Welch.Stars);
                w.StringOrNull("error", a.Welch.Error);
                w.WriteEndObject();
            }
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }

    private static void WritePaired(Utf8JsonWriter w, PairedAnalysis p)
    {
        w.WriteStartObject();
        w.WriteStartObject("race");
        WritePairedTest(w, "subject_level", p.RaceSubjectLevel);
        WritePairedTest(w, "original_vs_skin", p.RaceOriginalVsSkin);
        WritePairedTest(w, "age_vs_skin_age", p.RaceAgeVsSkinAge);
        w.WriteEndObject();
        w.WriteStartObject("age");
        WritePairedTest(w, "subject_level", p.AgeSubjectLevel);
        WritePairedTest(w, "original_vs_age", p.AgeOriginalVsAge);
        WritePairedTest(w, "skin_vs_skin_age", p.AgeSkinVsSkinAge);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WritePairedTest(Utf8JsonWriter w, string name, PairedComparison c)
    {
        w.WriteStartObject(name);
        w.WriteNumber("n_pairs", c.NPairs);
        w.WriteStartArray("subjects_used");
        foreach (var s in c.SubjectsUsed) w.WriteStringValue(s);
        w.WriteEndArray();
        w.Number($"mean_{c.LabelA}", c.MeanA);
        w.Number($"mean_{c.LabelB}", c.MeanB);
        w.Number("mean_diff", c.MeanDiff);
        w.Number("sd_diff", c.SdDiff);
        w.Number("t", c.Test.T);
        w.Number("df", c.Test.Df);
        w.Number("p_two_sided", c.Test.PTwoSided);
        w.Number("se", c.Test.StandardError);
        w.WriteString("stars", c.Test.Stars);
        w.StringOrNull("error", c.Test.Error);
        w.WriteEndObject();
    }
}
