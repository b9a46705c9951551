using System.Text;
using System.Text.Json;
using PainBias.Tests.Shared;

namespace PainBias.Cli.Tests;

public sealed class AnalyzeCommandTests
{
    [Theory]
    [InlineData("small")]
    [InlineData("paper")]
    public void Results_match_the_R_reference(string dataset)
    {
        using var folder = new TempFolder();
        var outPath = folder.File("out.json");

        var run = CliRunner.Run("analyze", CliRunner.Fixture(dataset + ".csv"), "--out", outPath);

        Assert.True(run.ExitCode == 0, run.Error);
        using var expected = JsonDocument.Parse(File.ReadAllText(CliRunner.Fixture(dataset + ".expected.json")));
        using var produced = JsonDocument.Parse(File.ReadAllText(outPath));
        var mismatches = JsonTreeComparer.Compare(expected.RootElement.GetProperty("results"), produced.RootElement.GetProperty("results"), "results");
        Assert.True(mismatches.Count == 0, $"{mismatches.Count} mismatch(es):\n{string.Join("\n", mismatches.Take(20))}");
    }

    [Theory]
    [InlineData("small")]
    [InlineData("paper")]
    public void Header_fields_match_the_fixture(string dataset)
    {
        var run = CliRunner.Run("analyze", CliRunner.Fixture(dataset + ".csv"));

        Assert.Equal(0, run.ExitCode);
        using var expected = JsonDocument.Parse(File.ReadAllText(CliRunner.Fixture(dataset + ".expected.json")));
        using var produced = JsonDocument.Parse(run.Output);
        var (e, p) = (expected.RootElement, produced.RootElement);
        Assert.Equal(e.EnumerateObject().Select(x => x.Name), p.EnumerateObject().Select(x => x.Name));
        foreach (var key in new[] { "dataset", "source_csv", "source_md5", "n_rows", "platforms", "samples", "conventions" })
            Assert.Empty(JsonTreeComparer.Compare(e.GetProperty(key), p.GetProperty(key), key));
        Assert.Equal("painbias", p.GetProperty("generated_by").GetProperty("tool").GetString());
    }

    [Fact]
    public void Byte_order_mark_and_CRLF_line_endings_are_accepted()
    {
        using var folder = new TempFolder();
        var csv = folder.File("excel.csv");
        var text = File.ReadAllText(CliRunner.Fixture("small.csv")).Replace("\n", "\r\n");
        File.WriteAllText(csv, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));

        var run = CliRunner.Run("analyze", csv);

        Assert.True(run.ExitCode == 0, run.Error);
        using var expected = JsonDocument.Parse(File.ReadAllText(CliRunner.Fixture("small.expected.json")));
        using var produced = JsonDocument.Parse(run.Output);
        Assert.Empty(JsonTreeComparer.Compare(expected.RootElement.GetProperty("results"), produced.RootElement.GetProperty("results"), "results"));
        Assert.Equal("excel", produced.RootElement.GetProperty("dataset").GetString());
        Assert.NotEqual(expected.RootElement.GetProperty("source_md5").GetString(), produced.RootElement.GetProperty("source_md5").GetString());
    }

    public static TheoryData<string, Func<string, byte[]>, string[]> BadInputs => new()
    {
        { "missing column", csv => Utf8(csv.Replace(",au9,", ",au_nine,")), ["Line 1", "au9"] },
        { "bad AU value", csv => Utf8(ReplaceLine(csv, 3, "AMT,AMT_A0005,S001,M,B,S,original,B,S,2,7,1,1,3,0,9")), ["Line 3", "au6"] },
        { "non-numeric AU", csv => Utf8(ReplaceLine(csv, 4, "AMT,AMT_A0009,S001,M,B,S,original,B,S,x,4,1,1,3,0,9")), ["Line 4", "column au4"] },
        { "UTF-16 with BOM", csv => Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(csv)).ToArray(), ["Line 1", "UTF-16"] },
        { "UTF-16 without BOM", csv => Encoding.Unicode.GetBytes(csv), ["Line 1, column #1 (byte 2)", "NUL"] },
        { "Latin-1 text", csv => Encoding.Latin1.GetBytes(ReplaceLine(csv, 2, csv.Split('\n')[1].Replace("S001", "S\u00e9"))), ["Line 2, column subject_id", "UTF-8"] },
        { "empty file", _ => [], ["Line 1", "empty"] },
        { "header only", csv => Utf8(csv.Split('\n')[0] + "\n"), ["Line 2", "no rating rows"] },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void Bad_input_exits_with_2_naming_the_place_and_writes_nothing(string caseName, Func<string, byte[]> corrupt, string[] mentions)
    {
        using var folder = new TempFolder();
        var csv = folder.File("bad.csv");
        File.WriteAllBytes(csv, corrupt(File.ReadAllText(CliRunner.Fixture("small.csv"))));
        var outPath = folder.File("out.json");

        var run = CliRunner.Run("analyze", csv, "--out", outPath);

        Assert.True(run.ExitCode == 2, $"{caseName}: exit {run.ExitCode}, {run.Error}");
        Assert.StartsWith("painbias analyze: error: bad.csv: ", run.Error);
        Assert.All(mentions, m => Assert.Contains(m, run.Error));
        Assert.Equal(["bad.csv"], folder.Files());
    }

    [Fact]
    public void Missing_file_exits_with_2()
    {
        using var folder = new TempFolder();

        var run = CliRunner.Run("analyze", folder.File("absent.csv"), "--out", folder.File("out.json"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("no such file", run.Error);
        Assert.Empty(folder.Files());
    }

    [Fact]
    public void A_failed_analysis_leaves_an_existing_output_untouched()
    {
        using var folder = new TempFolder();
        var outPath = folder.File("out.json");
        File.WriteAllText(outPath, "previous");
        File.WriteAllText(folder.File("bad.csv"), "platform,assessor_id\n");

        var run = CliRunner.Run("analyze", folder.File("bad.csv"), "--out", outPath);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("previous", File.ReadAllText(outPath));
        Assert.Equal(["bad.csv", "out.json"], folder.Files().Order());
    }

    [Fact]
    public void Missing_argument_is_a_usage_error()
    {
        var run = CliRunner.Run("analyze");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Required argument missing", run.Error);
        Assert.Contains("RATINGS.csv", run.Output);
    }

    private static byte[] Utf8(string text) => new UTF8Encoding(false).GetBytes(text);

    // Lines are numbered from 1 (the header), as in the error messages.
    private static string ReplaceLine(string csv, int line, string replacement)
    {
        var lines = csv.Split('\n');
        lines[line - 1] = replacement;
        return string.Join('\n', lines);
    }
}
