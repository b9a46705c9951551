using System.Text.Json;
using PainBias.Core.Statistics;

namespace PainBias.Cli.Tests;

public sealed class SimulateCommandTests
{
    [Fact]
    public void Same_seed_gives_a_byte_identical_file()
    {
        using var folder = new TempFolder();

        var a = CliRunner.Run("simulate", "--out", folder.File("a.csv"), "--subjects", "30", "--seed", "5");
        var b = CliRunner.Run("simulate", "--out", folder.File("b.csv"), "--subjects", "30", "--seed", "5");
        var c = CliRunner.Run("simulate", "--out", folder.File("c.csv"), "--subjects", "30", "--seed", "6");

        Assert.True(a.ExitCode == 0 && b.ExitCode == 0 && c.ExitCode == 0, a.Error + b.Error + c.Error);
        Assert.Equal(File.ReadAllBytes(folder.File("a.csv")), File.ReadAllBytes(folder.File("b.csv")));
        Assert.NotEqual(File.ReadAllBytes(folder.File("a.csv")), File.ReadAllBytes(folder.File("c.csv")));
        Assert.Contains("960 rows, 30 subjects, 96 assessors", a.Output);
    }

    [Fact]
    public void Simulated_file_reads_back_and_keeps_the_design_rules()
    {
        using var folder = new TempFolder();
        var csv = folder.File("sim.csv");

        var run = CliRunner.Run("simulate", "--out", csv, "--subjects", "25", "--k-mturk", "2", "--k-credamo", "0",
            "--speeders", "0.1", "--attention-failures", "0.05", "--seed", "9");

        Assert.True(run.ExitCode == 0, run.Error);
        using var reader = new StreamReader(csv);
        var rows = RatingsCsv.Read(reader);
        Assert.Equal(25 * 4 * 2, rows.Count);
        Assert.All(rows, r => Assert.Equal("AMT", r.Platform));
        Assert.All(rows.GroupBy(r => (r.Platform, r.AssessorId, r.SubjectId)), g => Assert.Single(g));
        Assert.All(rows.GroupBy(r => (r.SubjectId, r.Condition)), g => Assert.Equal(2, g.Count()));
    }

    [Fact]
    public void Reference_effects_are_recovered_by_the_analysis()
    {
        using var folder = new TempFolder();
        var csv = folder.File("reference.csv");
        var json = folder.File("reference.json");

        Assert.Equal(0, CliRunner.Run("simulate", "--out", csv, "--subjects", "100", "--race-effect", "-1.1", "--age-effect", "0.4", "--seed", "2024").ExitCode);
        var run = CliRunner.Run("analyze", csv, "--out", json);

        Assert.True(run.ExitCode == 0, run.Error);
        using var doc = JsonDocument.Parse(File.ReadAllText(json));
        Assert.Equal(["AMT", "Credamo"], doc.RootElement.GetProperty("platforms").EnumerateArray().Select(p => p.GetString()));
        foreach (var platform in new[] { "AMT", "Credamo" })
        {
            var all = doc.RootElement.GetProperty("results").GetProperty(platform).GetProperty("All");
            Assert.Equal("WS>WY>BS>BY", all.GetProperty("cell_ranking").GetProperty("ranking_string").GetString());
            AssertWithinThreeSe(all.GetProperty("race_bias"), "diff_B_minus_W", -1.1, platform);
            AssertWithinThreeSe(all.GetProperty("age_bias"), "diff_S_minus_Y", 0.4, platform);
        }
    }

    [Fact]
    public void Out_of_range_options_are_usage_errors_and_write_nothing()
    {
        using var folder = new TempFolder();

        var run = CliRunner.Run("simulate", "--out", folder.File("x.csv"), "--subjects", "0", "--speeders", "2");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("subjects must be at least 1", run.Error);
        Assert.Contains("speeder share", run.Error);
        Assert.Empty(folder.Files());
    }

    [Fact]
    public void Out_is_required()
    {
        var run = CliRunner.Run("simulate", "--subjects", "5");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("--out", run.Error);
    }

    private static void AssertWithinThreeSe(JsonElement bias, string diffKey, double injected, string platform)
    {
        var diff = bias.GetProperty(diffKey).GetDouble();
        var se = bias.GetProperty("welch").GetProperty("se_diff").GetDouble();
        Assert.True(Math.Abs(diff - injected) <= 3 * se, $"{platform} {diffKey}: {diff} vs injected {injected} (SE {se})");
    }
}
