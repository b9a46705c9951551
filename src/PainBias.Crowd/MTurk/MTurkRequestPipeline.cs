using System.Threading.RateLimiting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;
using Polly.Retry;

namespace PainBias.Crowd.MTurk;

/// <summary>
/// How one MTurk call travels: credentials, SigV4 signature, a process-wide rate limit, and retries with jittered
/// exponential backoff for throttling and ServiceFault. One instance per process so the rate limit is shared.
/// </summary>
public sealed class MTurkRequestPipeline : IDisposable
{
    private readonly Uri _endpoint;
    private readonly MTurkCredentialSource _credentials;
    private readonly TokenBucketRateLimiter _rateLimiter;
    private readonly ResiliencePipeline _resilience;
    private readonly ILogger _logger;

    public MTurkRequestPipeline(MTurkOptions options, ILogger<MTurkRequestPipeline>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var validation = new MTurkOptionsValidator().Validate(null, options);
        if (validation.Failed)
        {
            throw new MTurkConfigurationException(validation.FailureMessage);
        }

        _endpoint = options.ResolveEndpoint();
        _credentials = new MTurkCredentialSource(options);
        _logger = logger ?? NullLogger<MTurkRequestPipeline>.Instance;
        _rateLimiter = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = options.MaxRequestsPerSecond,
            TokensPerPeriod = options.MaxRequestsPerSecond,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            // Callers wait their turn rather than fail: a sync job may queue hundreds of calls.
            QueueLimit = 100_000,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        });

        var builder = new ResiliencePipelineBuilder();
        if (options.MaxAttempts > 1)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<MTurkThrottledException>().Handle<MTurkServiceException>(),
                MaxRetryAttempts = options.MaxAttempts - 1,
                Delay = options.BaseDelay,
                MaxDelay = options.MaxDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                OnRetry = args =>
                {
                    var error = args.Outcome.Exception as MTurkException;
                    _logger.LogWarning(
                        "MTurk {Operation} got {ErrorType}; retry {Retry} in {DelayMs} ms",
                        error?.Operation, error?.ErrorType ?? error?.StatusCode?.ToString(), args.AttemptNumber + 1, (int)args.RetryDelay.TotalMilliseconds);
                    return ValueTask.CompletedTask;
                },
            });
        }

        // Inside the retry, so every attempt waits for a token.
        _resilience = builder.AddRateLimiter(_rateLimiter).Build();
    }

    public Uri Endpoint => _endpoint;

    internal async Task<byte[]> SendAsync(HttpClient http, string operation, byte[] body, CancellationToken cancellationToken)
    {
        // Missing credentials are not transient: fail here, before the pipeline and before any request.
        await _credentials.GetAsync(cancellationToken).ConfigureAwait(false);

        return await _resilience.ExecuteAsync(async token =>
        {
            var credentials = await _credentials.GetAsync(token).ConfigureAwait(false);
            using var message = MTurkSigner.CreateSignedRequest(_endpoint, operation, body, credentials);
            using var response = await http.SendAsync(message, token).ConfigureAwait(false);
            var payload = await response.Content.ReadAsByteArrayAsync(token).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                _logger.LogDebug("MTurk {Operation} succeeded", operation);
                return payload;
            }

            throw MTurkErrors.ToException(operation, response.StatusCode, payload, credentials.SecretKey);
        }, cancellationToken).ConfigureAwait(false);
    }

    public void Dispose() => _rateLimiter.Dispose();
}
