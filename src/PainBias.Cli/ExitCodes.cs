namespace PainBias.Cli;

/// <summary>Process exit codes, documented in docs/cli.md so scripts can tell the failures apart.</summary>
public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>Unknown verb or option, missing argument, option value out of range (System.CommandLine's own code for parse errors).</summary>
    public const int Usage = 1;

    /// <summary>The input file is missing or unreadable, not a valid ratings CSV, or an image the decoder or normaliser refuses (not an image, damaged, no face, several faces).</summary>
    public const int BadInput = 2;

    /// <summary>The output file could not be written.</summary>
    public const int OutputFailed = 3;
}
