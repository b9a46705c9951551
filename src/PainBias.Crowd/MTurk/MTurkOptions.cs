namespace PainBias.Crowd.MTurk;

/// <summary>Configuration section "MTurk".</summary>
public sealed class MTurkOptions
{
    public const string SectionName = "MTurk";

    public static readonly Uri ProductionEndpoint = new("https://mturk-requester.us-east-1.amazonaws.com");
    public static readonly Uri SandboxEndpoint = new("https://mturk-requester-sandbox.us-east-1.amazonaws.com");

    /// <summary>Sandbox by default: spending real money must be a deliberate setting.</summary>
    public bool UseSandbox { get; set; } = true;

    /// <summary>Overrides the endpoint (tests, proxies). Plain HTTP is accepted only for loopback addresses.</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>Explicit keys; leave both empty to use the AWS default credential chain (environment, profile, role).</summary>
    public string? AccessKeyId { get; set; }

    public string? SecretAccessKey { get; set; }

    public string? SessionToken { get; set; }

    /// <summary>Client-side ceiling shared by every MTurk call of this process.</summary>
    public int MaxRequestsPerSecond { get; set; } = 5;

    /// <summary>Attempts per call, the first included, for throttling and ServiceFault.</summary>
    public int MaxAttempts { get; set; } = 5;

    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public Uri ResolveEndpoint() => Endpoint ?? (UseSandbox ? SandboxEndpoint : ProductionEndpoint);
}
