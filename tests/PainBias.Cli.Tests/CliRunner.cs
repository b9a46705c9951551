namespace PainBias.Cli.Tests;

/// <summary>Runs the painbias root command in-process with captured output.</summary>
public static class CliRunner
{
    public sealed record Outcome(int ExitCode, string Output, string Error);

    public static Outcome Run(params string[] args)
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        var code = PainBiasCommand.Run(args, output, error);
        return new Outcome(code, output.ToString(), error.ToString());
    }

    public static string Fixture(string file) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "stats", file);

    public static string Face(string file) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "faces", file);
}

/// <summary>A fresh folder per test, removed afterwards.</summary>
public sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateDirectory(
        System.IO.Path.Combine(System.IO.Path.GetTempPath(), "painbias-cli-" + Guid.NewGuid().ToString("N"))).FullName;

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public IReadOnlyList<string> Files() => Directory.GetFiles(Path).Select(System.IO.Path.GetFileName).ToList()!;

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
