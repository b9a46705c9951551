using System.CommandLine;
using System.Text;
using PainBias.Core.Statistics;
using PainBias.Core.Statistics.Json;

namespace PainBias.Cli;

/// <summary><c>painbias analyze RATINGS.csv [--out FILE]</c>: the full bias analysis as JSON in the fixture layout.</summary>
public static class AnalyzeCommand
{
    public static Command Create()
    {
        var ratings = new Argument<string>("RATINGS.csv")
        {
            Description = "Ratings CSV (header platform, assessor_id, subject_id, gender, orig_race, orig_age, variant, " +
                "perceived_race, perceived_age, au4, au6, au7, au9, au10, au43, pspi); UTF-8, LF or CRLF.",
        };
        var output = new Option<string?>("--out", "-o")
        {
            Description = "Write the results JSON to this file (replaced only when the analysis succeeds). Default: standard output.",
        };
        var command = new Command("analyze", "Analyse a ratings CSV: group differences, cell ranking, AU tests, paired tests, OLS with cluster-robust SEs and the crossed mixed model, per platform and sample.")
        {
            ratings,
            output,
        };
        command.SetAction(parse => PainBiasCommand.Guard(parse, "analyze",
            stdout => Run(parse.GetValue(ratings)!, parse.GetValue(output), stdout)));
        return command;
    }

    private static int Run(string path, string? outPath, TextWriter stdout)
    {
        var file = RatingsFile.Load(path);
        var result = BiasAnalyzer.Analyze(file.Rows);
        var fileName = Path.GetFileName(path);
        var source = new AnalysisSource(Path.GetFileNameWithoutExtension(fileName), fileName, file.Md5, file.Rows.Count);
        var json = AnalysisDocumentJson.ToString(source, ToolInfo.GeneratedBy, result);

        if (outPath is null) stdout.Write(json);
        else AtomicFile.Write(outPath, stream => stream.Write(new UTF8Encoding(false).GetBytes(json)));
        return ExitCodes.Ok;
    }
}
