using System.Globalization;
using System.Security.Cryptography;
using PainBias.Core.Statistics;
using PainBias.Core.Statistics.Json;
using PainBias.Web.Features.Exports;
using PainBias.Web.Hosting;

namespace PainBias.Web.Features.Dashboard;

/// <summary>
/// The full analysis of a study's included ratings (every platform × sample, with OLS and the mixed model) as JSON in the
/// layout of the R fixtures and <c>painbias analyze</c>. <c>source_md5</c> is the MD5 of the ratings CSV export taken at
/// the same moment, so a results file can be matched to the data it was computed from.
/// </summary>
public sealed class ResultsExport(DashboardQueries queries, ExportRatings ratings, TimeProvider clock)
{
    /// <summary>Null when the study does not exist or is not the actor's.</summary>
    public async Task<string?> JsonAsync(Guid studyId, Actor actor, CancellationToken cancellationToken)
    {
        var csv = await ratings.CsvAsync(studyId, actor, cancellationToken);
        var input = await queries.LoadRatingsAsync(studyId, actor, cancellationToken);
        if (csv is null || input is null)
            return null;
        var observations = DashboardBuilder.Included(input).Select(r => r.Observation).ToList();
        var result = BiasAnalyzer.Analyze(observations);
        var source = new AnalysisSource($"study-{studyId}", $"ratings-{studyId}.csv",
            Convert.ToHexStringLower(MD5.HashData(csv)), observations.Count);
        KeyValuePair<string, string>[] generatedBy =
        [
            new("program", "PainBias web (results export)"),
            new("version", typeof(ResultsExport).Assembly.GetName().Version?.ToString() ?? "unknown"),
            new("study", input.StudyName),
            new("computed_at_utc", clock.GetUtcNow().UtcDateTime.ToString("O", CultureInfo.InvariantCulture)),
            new("rows", "included ratings of the ratings export (included == True); n_rows counts them"),
        ];
        return AnalysisDocumentJson.ToString(source, generatedBy, result);
    }
}
