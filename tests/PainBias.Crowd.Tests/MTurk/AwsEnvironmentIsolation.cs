using System.Runtime.CompilerServices;

namespace PainBias.Crowd.Tests.MTurk;

internal static class AwsEnvironmentIsolation
{
    /// <summary>
    /// Keeps the AWS default credential chain from finding a developer's keys or probing the EC2 metadata
    /// address, so "no credentials" tests mean the same on every machine.
    /// </summary>
    [ModuleInitializer]
    internal static void Isolate()
    {
        foreach (var name in new[]
        {
            "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_PROFILE", "AWS_DEFAULT_PROFILE",
            "AWS_WEB_IDENTITY_TOKEN_FILE", "AWS_ROLE_ARN", "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "AWS_CONTAINER_CREDENTIALS_FULL_URI",
        })
        {
            Environment.SetEnvironmentVariable(name, null);
        }

        var nowhere = Path.Combine(Path.GetTempPath(), "painbias-no-aws-" + Guid.NewGuid().ToString("N"));
        Environment.SetEnvironmentVariable("AWS_SHARED_CREDENTIALS_FILE", Path.Combine(nowhere, "credentials"));
        Environment.SetEnvironmentVariable("AWS_CONFIG_FILE", Path.Combine(nowhere, "config"));
        Environment.SetEnvironmentVariable("AWS_EC2_METADATA_DISABLED", "true");
    }
}
