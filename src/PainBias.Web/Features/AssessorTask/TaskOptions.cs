namespace PainBias.Web.Features.AssessorTask;

/// <summary>Section "Task": how long direct links stay valid.</summary>
public sealed class TaskOptions
{
    public const string Section = "Task";

    public int LinkLifetimeDays { get; set; } = 90;
}

/// <summary>MTurk's own hosts: the only places a finished task posts back to, and the only sites that may frame it.</summary>
public static class MTurkHosts
{
    public static IReadOnlyList<string> SubmitTo { get; } = ["https://www.mturk.com", "https://workersandbox.mturk.com"];

    public static IReadOnlyList<string> FrameAncestors { get; } =
        ["https://worker.mturk.com", "https://workersandbox.mturk.com", "https://www.mturk.com"];

    public static bool IsSubmitTarget(string? url) =>
        url is not null && SubmitTo.Contains(url.TrimEnd('/'), StringComparer.OrdinalIgnoreCase);
}
