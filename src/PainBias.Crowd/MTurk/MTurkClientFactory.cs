using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PainBias.Crowd.MTurk;

/// <summary>Clients for the sandbox and for the live marketplace, chosen per launch rather than per process.</summary>
public interface IMTurkClientFactory
{
    IMTurkClient For(bool sandbox);

    Uri EndpointFor(bool sandbox);
}

/// <summary>One request pipeline (rate limit, retries) per marketplace, shared by every client of that marketplace.</summary>
public sealed class MTurkClientFactory(IOptions<MTurkOptions> options, IHttpClientFactory httpClients, ILoggerFactory loggers)
    : IMTurkClientFactory, IDisposable
{
    public const string HttpClientName = "MTurk";

    private readonly Lazy<MTurkRequestPipeline> _sandbox = new(() => Create(options.Value, sandbox: true, loggers));
    private readonly Lazy<MTurkRequestPipeline> _live = new(() => Create(options.Value, sandbox: false, loggers));

    public IMTurkClient For(bool sandbox) =>
        new MTurkJsonClient(httpClients.CreateClient(HttpClientName), (sandbox ? _sandbox : _live).Value);

    public Uri EndpointFor(bool sandbox) => WithMode(options.Value, sandbox).ResolveEndpoint();

    public void Dispose()
    {
        if (_sandbox.IsValueCreated)
        {
            _sandbox.Value.Dispose();
        }

        if (_live.IsValueCreated)
        {
            _live.Value.Dispose();
        }
    }

    private static MTurkRequestPipeline Create(MTurkOptions options, bool sandbox, ILoggerFactory loggers) =>
        new(WithMode(options, sandbox), loggers.CreateLogger<MTurkRequestPipeline>());

    private static MTurkOptions WithMode(MTurkOptions options, bool sandbox) => new()
    {
        UseSandbox = sandbox,
        Endpoint = options.Endpoint,
        AccessKeyId = options.AccessKeyId,
        SecretAccessKey = options.SecretAccessKey,
        SessionToken = options.SessionToken,
        MaxRequestsPerSecond = options.MaxRequestsPerSecond,
        MaxAttempts = options.MaxAttempts,
        BaseDelay = options.BaseDelay,
        MaxDelay = options.MaxDelay,
        RequestTimeout = options.RequestTimeout,
    };
}
