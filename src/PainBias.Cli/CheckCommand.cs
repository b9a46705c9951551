using System.CommandLine;
using System.Text;
using System.Text.Json;

namespace PainBias.Cli;

/// <summary><c>painbias check ORIGINAL VARIANT</c>: keypoint drift and detail similarity of a variant pair, as JSON.</summary>
public static class CheckCommand
{
    public static Command Create()
    {
        var original = new Argument<string>("ORIGINAL") { Description = "The normalised original face." };
        var variant = new Argument<string>("VARIANT") { Description = "A variant made from it, same size and alignment." };
        var command = new Command("check", "Compare a variant with its original: BlazeFace keypoint drift (in inter-ocular distances) and SSIM of the detail layers, with pass/fail.")
        {
            original, variant,
        };
        command.SetAction(parse => PainBiasCommand.Guard(parse, "check", stdout => Run(parse.GetValue(original)!, parse.GetValue(variant)!, stdout)));
        return command;
    }

    private static int Run(string originalPath, string variantPath, TextWriter stdout)
    {
        var (a, b) = (ImagingTools.Read(originalPath), ImagingTools.Read(variantPath));
        var result = ImagingTools.Guard($"{originalPath}, {variantPath}", () => ImagingTools.PairCheck.Check(a, b));

        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("original", Path.GetFileName(originalPath));
            json.WriteString("variant", Path.GetFileName(variantPath));
            json.WriteNumber("drift", Math.Round(result.Drift, 6));
            json.WriteNumber("similarity", Math.Round(result.Similarity, 6));
            json.WriteNumber("max_drift", result.Thresholds.MaxDrift);
            json.WriteNumber("min_similarity", result.Thresholds.MinSimilarity);
            json.WriteBoolean("pass", result.Passed);
            json.WriteEndObject();
        }

        stdout.Write(Encoding.UTF8.GetString(buffer.ToArray()));
        stdout.WriteLine();
        return ExitCodes.Ok;
    }
}
