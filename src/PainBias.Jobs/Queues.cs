namespace PainBias.Jobs;

/// <summary>Hangfire queue names. GPU nodes pull <see cref="Gpu"/>; every node may pull the others.</summary>
public static class Queues
{
    /// <summary>Variant generation and feature extraction.</summary>
    public const string Gpu = "gpu";

    /// <summary>Imports, quality checks, analyses, housekeeping.</summary>
    public const string Default = "default";

    /// <summary>MTurk calls and platform sync.</summary>
    public const string Crowd = "crowd";

    public static readonly string[] All = [Gpu, Default, Crowd];
}
