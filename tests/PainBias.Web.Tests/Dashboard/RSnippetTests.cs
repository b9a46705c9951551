using System.Text.RegularExpressions;
using PainBias.TestSupport;
using PainBias.Web.Features.Exports;

namespace PainBias.Web.Tests.Dashboard;

/// <summary>R is not installed here, so the R snippet in docs/ is checked against the export it reads: every column it uses exists.</summary>
public partial class RSnippetTests
{
    [Fact]
    public void Every_column_the_Table_1_snippet_reads_is_in_the_ratings_export()
    {
        var script = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "r", "table1.R"));
        // Data columns are read as d$column (the export) or s$column (a subset of it), and named in colClasses.
        var used = DataColumn().Matches(script).Select(m => m.Groups[1].Value)
            .Concat(ColClasses().Matches(script).Select(m => m.Groups[1].Value))
            .Distinct()
            .ToList();
        var exported = Codebook.Columns.Select(c => c.Column).ToHashSet();
        Assert.Equal(new[] { "gender", "included", "perceived_race", "platform", "pspi" }, used.Order(StringComparer.Ordinal));
        Assert.All(used, column => Assert.True(exported.Contains(column), $"docs/r/table1.R reads '{column}', which the ratings export does not have"));
        // The codebook's values that the snippet compares against.
        var codebook = Codebook.Markdown();
        Assert.Contains("W or B", codebook);
        Assert.Contains("F or M", codebook);
    }

    [GeneratedRegex(@"\b[ds]\$([A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex DataColumn();

    [GeneratedRegex(@"colClasses = c\(([A-Za-z_][A-Za-z0-9_]*) =")]
    private static partial Regex ColClasses();
}
