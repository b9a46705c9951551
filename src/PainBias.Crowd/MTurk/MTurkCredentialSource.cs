using Amazon.Runtime;
using Amazon.Runtime.Credentials;

namespace PainBias.Crowd.MTurk;

/// <summary>Explicit keys from options, else AWSSDK.Core's default chain; resolved once, refreshed by the SDK.</summary>
internal sealed class MTurkCredentialSource(MTurkOptions options)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private AWSCredentials? _credentials;

    public async Task<ImmutableCredentials> GetAsync(CancellationToken cancellationToken)
    {
        var credentials = _credentials ?? await ResolveAsync(cancellationToken).ConfigureAwait(false);
        ImmutableCredentials? current;
        try
        {
            current = await credentials.GetCredentialsAsync().ConfigureAwait(false);
        }
        catch (AmazonClientException e)
        {
            throw new MTurkConfigurationException("The AWS credentials for MTurk could not be refreshed.", e);
        }

        if (current is null || string.IsNullOrWhiteSpace(current.AccessKey) || string.IsNullOrWhiteSpace(current.SecretKey))
        {
            throw new MTurkConfigurationException("The AWS credentials for MTurk are empty.");
        }

        return current;
    }

    private async Task<AWSCredentials> ResolveAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return _credentials ??= Resolve();
        }
        finally
        {
            _gate.Release();
        }
    }

    private AWSCredentials Resolve()
    {
        var hasKey = !string.IsNullOrWhiteSpace(options.AccessKeyId);
        var hasSecret = !string.IsNullOrWhiteSpace(options.SecretAccessKey);
        if (hasKey && hasSecret)
        {
            return string.IsNullOrWhiteSpace(options.SessionToken)
                ? new BasicAWSCredentials(options.AccessKeyId, options.SecretAccessKey)
                : new SessionAWSCredentials(options.AccessKeyId, options.SecretAccessKey, options.SessionToken);
        }

        if (hasKey || hasSecret)
        {
            throw new MTurkConfigurationException(
                "MTurk:AccessKeyId and MTurk:SecretAccessKey must be set together, or both left empty to use the AWS credential chain.");
        }

        try
        {
            return new DefaultAWSCredentialsIdentityResolver().ResolveIdentity(null)
                ?? throw new MTurkConfigurationException(NoCredentials);
        }
        catch (AmazonClientException e)
        {
            throw new MTurkConfigurationException(NoCredentials, e);
        }
    }

    private const string NoCredentials =
        "No AWS credentials for MTurk: set MTurk:AccessKeyId and MTurk:SecretAccessKey, " +
        "or provide them through the AWS credential chain (AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, a profile, or an instance role).";
}
