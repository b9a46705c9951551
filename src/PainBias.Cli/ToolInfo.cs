using System.Reflection;

namespace PainBias.Cli;

/// <summary>Name and version written into every output (generated_by), so a result file says what made it.</summary>
public static class ToolInfo
{
    public const string Name = "painbias";

    public static string Version { get; } =
        typeof(ToolInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(ToolInfo).Assembly.GetName().Version?.ToString()
        ?? "unknown";

    public static IReadOnlyList<KeyValuePair<string, string>> GeneratedBy { get; } =
    [
        new("tool", Name),
        new("version", Version),
        new("runtime", $".NET {Environment.Version}"),
    ];
}
