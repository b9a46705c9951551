namespace PainBias.Web.Features.AssessorTask;

/// <summary>Section "Task": how long direct links stay valid.</summary>
public sealed class TaskOptions
{
    public const string Section = "Task";

    public int LinkLifetimeDays { get; set; } = 90;

    /// <summary>
    /// Origins that stand in for MTurk's worker sites besides MTurk's own (a local test page): they may frame the task
    /// and receive its externalSubmit. Empty in production.
    /// </summary>
    public string[] MTurkWorkerSites { get; set; } = [];

    /// <summary>
    /// Header holding the client's address when a proxy or load balancer sits in front (e.g. X-Forwarded-For); empty:
    /// the connection's address. Only its hash is stored, for the shared-network signal.
    /// </summary>
    public string ClientAddressHeader { get; set; } = "";
}

/// <summary>MTurk's own hosts: the only places a finished task posts back to, and the only sites that may frame it.</summary>
public static class MTurkHosts
{
    public static IReadOnlyList<string> SubmitTo { get; } = ["https://www.mturk.com", "https://workersandbox.mturk.com"];

    public static IReadOnlyList<string> FrameAncestors { get; } =
        ["https://worker.mturk.com", "https://workersandbox.mturk.com", "https://www.mturk.com"];

    /// <summary>An origin as CSP and turkSubmitTo carry it: scheme and host (and port), nothing else.</summary>
    public static bool IsOrigin(string site) =>
        Uri.TryCreate(site, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
        && uri.GetLeftPart(UriPartial.Authority) == site.TrimEnd('/');

    public static bool IsSubmitTarget(string? url, IEnumerable<string>? extraSites = null) =>
        url is not null && SubmitTo.Concat(extraSites ?? []).Contains(url.TrimEnd('/'), StringComparer.OrdinalIgnoreCase);
}
