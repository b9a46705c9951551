using Microsoft.Extensions.Options;

namespace PainBias.Crowd.MTurk;

/// <summary>Checks the shape of the settings at start; whether credentials exist is known only at the first call.</summary>
public sealed class MTurkOptionsValidator : IValidateOptions<MTurkOptions>
{
    public ValidateOptionsResult Validate(string? name, MTurkOptions options)
    {
        var failures = new List<string>();
        var endpoint = options.ResolveEndpoint();
        if (!endpoint.IsAbsoluteUri || !(endpoint.Scheme == Uri.UriSchemeHttps || (endpoint.Scheme == Uri.UriSchemeHttp && endpoint.IsLoopback)))
        {
            failures.Add("MTurk:Endpoint must be an absolute HTTPS URL (HTTP only for loopback test servers).");
        }

        if (string.IsNullOrWhiteSpace(options.AccessKeyId) != string.IsNullOrWhiteSpace(options.SecretAccessKey))
        {
            // Name the missing setting, never echo the value of the present one.
            failures.Add("MTurk:AccessKeyId and MTurk:SecretAccessKey must be set together, or both left empty to use the AWS credential chain.");
        }

        if (options.MaxRequestsPerSecond is < 1 or > 100)
        {
            failures.Add("MTurk:MaxRequestsPerSecond must be between 1 and 100.");
        }

        if (options.MaxAttempts is < 1 or > 20)
        {
            failures.Add("MTurk:MaxAttempts must be between 1 and 20.");
        }

        if (options.BaseDelay < TimeSpan.Zero || options.MaxDelay < options.BaseDelay)
        {
            failures.Add("MTurk:BaseDelay must be non-negative and MTurk:MaxDelay at least BaseDelay.");
        }

        if (options.RequestTimeout <= TimeSpan.Zero)
        {
            failures.Add("MTurk:RequestTimeout must be positive.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
