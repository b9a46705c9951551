using System.CommandLine;
using System.Text;
using PainBias.Core.Simulation;
using PainBias.Core.Statistics;

namespace PainBias.Cli;

/// <summary><c>painbias simulate --out FILE …</c>: a simulated study in the ratings CSV format.</summary>
public static class SimulateCommand
{
    public static Command Create()
    {
        var output = new Option<string>("--out", "-o") { Description = "Ratings CSV to write.", Required = true };
        var subjects = new Option<int>("--subjects") { Description = "Source faces (each gets 4 variants).", DefaultValueFactory = _ => 100 };
        var kMTurk = new Option<int>("--k-mturk") { Description = "Assessors per variant on MTurk (platform AMT); 0 leaves it out.", DefaultValueFactory = _ => 5 };
        var kCredamo = new Option<int>("--k-credamo") { Description = "Assessors per variant on Credamo; 0 leaves it out.", DefaultValueFactory = _ => 3 };
        var race = new Option<double>("--race-effect") { Description = "Injected PSPI difference black- minus white-perceived.", DefaultValueFactory = _ => CrowdModel.ReferenceRaceEffect };
        var age = new Option<double>("--age-effect") { Description = "Injected PSPI difference senior- minus young-perceived.", DefaultValueFactory = _ => CrowdModel.ReferenceAgeEffect };
        var seed = new Option<int>("--seed") { Description = "Random seed; the same seed gives the same file, byte for byte.", DefaultValueFactory = _ => 1 };
        var speeders = new Option<double>("--speeders") { Description = "Share of assessors (0..1) whose AU values ignore the face.", DefaultValueFactory = _ => 0.0 };
        var attention = new Option<double>("--attention-failures") { Description = "Share of ratings (0..1) given without looking: one value for every AU.", DefaultValueFactory = _ => 0.0 };

        var command = new Command("simulate", "Simulate a crowd rating the four variants of each face, with injected race and age effects, as a ratings CSV.")
        {
            output, subjects, kMTurk, kCredamo, race, age, seed, speeders, attention,
        };
        command.SetAction(parse => PainBiasCommand.Guard(parse, "simulate", stdout =>
        {
            var options = new CrowdSimulationOptions(
                parse.GetValue(subjects),
                CrowdSimulationOptions.ReferencePlatforms(parse.GetValue(kMTurk), parse.GetValue(kCredamo)),
                parse.GetValue(seed),
                SpeederShare: parse.GetValue(speeders),
                AttentionFailureShare: parse.GetValue(attention));
            var (raceEffect, ageEffect) = (parse.GetValue(race), parse.GetValue(age));
            if (!double.IsFinite(raceEffect) || !double.IsFinite(ageEffect))
                throw new CliException(ExitCodes.Usage, "race and age effects must be finite numbers.");
            return Run(parse.GetValue(output)!, CrowdModel.WithPspiEffects(raceEffect, ageEffect), options, stdout);
        }));
        return command;
    }

    private static int Run(string outPath, CrowdModel model, CrowdSimulationOptions options, TextWriter stdout)
    {
        if (options.Problems() is { Count: > 0 } problems)
            throw new CliException(ExitCodes.Usage, string.Join(" ", problems));

        var rows = CrowdSimulator.Simulate(model, options).Select(r => r.Observation).ToList();
        AtomicFile.Write(outPath, stream =>
        {
            using var writer = new StreamWriter(stream, new UTF8Encoding(false), leaveOpen: true);
            RatingsCsvWriter.Write(writer, rows);
        });

        var assessors = rows.Select(r => (r.Platform, r.AssessorId)).Distinct().Count();
        var subjectCount = rows.Select(r => r.SubjectId).Distinct(StringComparer.Ordinal).Count();
        stdout.WriteLine($"wrote {outPath}: {rows.Count} rows, {subjectCount} subjects, {assessors} assessors");
        return ExitCodes.Ok;
    }
}
