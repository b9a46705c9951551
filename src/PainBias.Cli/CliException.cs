namespace PainBias.Cli;

/// <summary>A failure the user can fix, with the message to show and the exit code to return.</summary>
public sealed class CliException(int exitCode, string message) : Exception(message)
{
    public int ExitCode { get; } = exitCode;

    public static CliException BadInput(string message) => new(ExitCodes.BadInput, message);
}
