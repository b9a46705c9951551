using System.Net.Http.Headers;
using Amazon.Runtime;
using Amazon.Runtime.Endpoints;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Auth;

namespace PainBias.Crowd.MTurk;

/// <summary>Builds one signed JSON 1.1 request with AWSSDK.Core's SigV4 signer (no crypto of our own).</summary>
internal static class MTurkSigner
{
    public const string ServiceName = "mturk-requester";
    public const string Region = "us-east-1";
    public const string TargetPrefix = "MTurkRequesterServiceV20170117.";
    public const string ContentType = "application/x-amz-json-1.1";

    private static readonly AWS4Signer Signer = new();

    public static HttpRequestMessage CreateSignedRequest(Uri endpoint, string operation, byte[] body, ImmutableCredentials credentials)
    {
        var request = new DefaultRequest(new SigningRequest(), ServiceName)
        {
            HttpMethod = "POST",
            Endpoint = endpoint,
            ResourcePath = "/",
            Content = body,
        };
        request.Headers["Content-Type"] = ContentType;
        request.Headers["X-Amz-Target"] = TargetPrefix + operation;
        if (credentials.UseToken)
        {
            // Signed like the SDK does it: the token must be covered by the signature.
            request.Headers["X-Amz-Security-Token"] = credentials.Token;
        }

        var result = Signer.SignRequest(request, SigningConfig.Instance, null, credentials.AccessKey, credentials.SecretKey);

        var message = new HttpRequestMessage(HttpMethod.Post, new Uri(endpoint, "/"))
        {
            Content = new ByteArrayContent(body),
        };
        message.Content.Headers.ContentType = new MediaTypeHeaderValue(ContentType);
        foreach (var (name, value) in request.Headers)
        {
            // HttpClient writes Host and Content-Type itself, from the same values that were signed.
            if (name.Equals("Host", StringComparison.OrdinalIgnoreCase) || name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            message.Headers.TryAddWithoutValidation(name, value);
        }

        message.Headers.TryAddWithoutValidation("Authorization", result.ForAuthorizationHeader);
        return message;
    }

    private sealed class SigningRequest : AmazonWebServiceRequest;

    /// <summary>Only the signing scope is read from this; endpoint resolution stays with <see cref="MTurkOptions"/>.</summary>
    private sealed class SigningConfig : ClientConfig
    {
        public static readonly SigningConfig Instance = new();

        // No default-configuration provider: the signer reads only the scope set here, never SDK defaults.
        private SigningConfig()
            : base(null!)
        {
            AuthenticationRegion = Region;
            AuthenticationServiceName = ServiceName;
        }

        public override string ServiceVersion => "2017-01-17";

        public override string UserAgent => "PainBias";

        public override string RegionEndpointServiceName => ServiceName;

        public override Endpoint DetermineServiceOperationEndpoint(ServiceOperationEndpointParameters parameters) =>
            throw new NotSupportedException("The MTurk endpoint comes from MTurkOptions.");
    }
}
