using System.CommandLine;

namespace PainBias.Cli;

/// <summary>The root command: its verbs, and one entry point that tests call with their own writers.</summary>
public static class PainBiasCommand
{
    public static RootCommand Create() =>
        new("painbias: analyse pain-rating bias studies, simulate rating crowds, and prepare and check face images.")
        {
            AnalyzeCommand.Create(),
            SimulateCommand.Create(),
            DetectCommand.Create(),
            NormaliseCommand.Create(),
            EditCommand.Create(),
            CheckCommand.Create(),
        };

    public static int Run(string[] args, TextWriter output, TextWriter error) =>
        Create().Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });

    /// <summary>Runs a verb's work, turning a <see cref="CliException"/> into its message and exit code.</summary>
    internal static int Guard(ParseResult parse, string verb, Func<TextWriter, int> work)
    {
        var config = parse.InvocationConfiguration;
        try
        {
            return work(config.Output);
        }
        catch (CliException e)
        {
            config.Error.WriteLine($"painbias {verb}: error: {e.Message}");
            return e.ExitCode;
        }
    }
}
