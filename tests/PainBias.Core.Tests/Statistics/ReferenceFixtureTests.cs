using System.Text.Json;
using PainBias.Core.Statistics;
using PainBias.Core.Statistics.Json;
using PainBias.Tests.Shared;

namespace PainBias.Core.Tests.Statistics;

/// <summary>Every number of the R reference results, walked key by key.</summary>
public sealed class ReferenceFixtureTests
{
    [Theory]
    [InlineData("small")]
    [InlineData("paper")]
    public void Results_match_the_R_reference(string dataset)
    {
        using var expected = FixtureFiles.Expected(dataset);
        var result = BiasAnalyzer.Analyze(FixtureFiles.Ratings(dataset));
        using var produced = JsonDocument.Parse(BiasAnalysisJson.ResultsToString(result));

        var mismatches = JsonTreeComparer.Compare(expected.RootElement.GetProperty("results"), produced.RootElement, "results");

        Assert.True(mismatches.Count == 0,
            $"{mismatches.Count} mismatch(es); first: {mismatches.FirstOrDefault()}\n{string.Join("\n", mismatches.Take(20))}");
    }

    [Theory]
    [InlineData("small")]
    [InlineData("paper")]
    public void Platforms_and_row_count_match_the_fixture_header(string dataset)
    {
        using var expected = FixtureFiles.Expected(dataset);
        var rows = FixtureFiles.Ratings(dataset);
        var result = BiasAnalyzer.Analyze(rows);

        Assert.Equal(expected.RootElement.GetProperty("n_rows").GetInt32(), rows.Count);
        Assert.Equal(expected.RootElement.GetProperty("platforms").EnumerateArray().Select(p => p.GetString()), result.Platforms);
    }

    [Fact]
    public void Comparer_reports_the_path_of_a_changed_number()
    {
        using var expected = FixtureFiles.Expected("small");
        var result = BiasAnalyzer.Analyze(FixtureFiles.Ratings("small"));
        var json = BiasAnalysisJson.ResultsToString(result, indented: false);
        var node = System.Text.Json.Nodes.JsonNode.Parse(json)!;
        var welch = node["AMT"]!["Male"]!["race_bias"]!["welch"]!;
        welch["t"] = welch["t"]!.GetValue<double>() * (1 + 1e-8);
        using var tampered = JsonDocument.Parse(node.ToJsonString());

        var mismatches = JsonTreeComparer.Compare(expected.RootElement.GetProperty("results"), tampered.RootElement, "results");

        Assert.Equal("results.AMT.Male.race_bias.welch.t", mismatches.Single().Split(':')[0]);
    }
}
