using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace PainBias.Crowd.Tests.MTurk;

/// <summary>
/// An independent SigV4 check (System.Security.Cryptography only), so the stand-in does not trust the signer
/// it is testing.
/// </summary>
internal static partial class SigV4Verifier
{
    [GeneratedRegex(@"^AWS4-HMAC-SHA256 Credential=(?<key>[^/]+)/(?<date>\d{8})/(?<region>[^/]+)/(?<service>[^/]+)/aws4_request, ?SignedHeaders=(?<headers>[a-z0-9\-;]+), ?Signature=(?<signature>[0-9a-f]{64})$")]
    private static partial Regex AuthorizationPattern();

    /// <summary>Returns null when the request is correctly signed for MTurk, else the reason.</summary>
    public static string? Check(HttpRequest request, byte[] body, string accessKeyId, string secretAccessKey)
    {
        var authorization = request.Headers.Authorization.ToString();
        if (authorization.Length == 0)
        {
            return "missing Authorization";
        }

        var match = AuthorizationPattern().Match(authorization);
        if (!match.Success)
        {
            return "malformed Authorization";
        }

        if (match.Groups["key"].Value != accessKeyId)
        {
            return "unknown access key";
        }

        if (match.Groups["region"].Value != "us-east-1" || match.Groups["service"].Value != "mturk-requester")
        {
            return "wrong credential scope";
        }

        var signedHeaders = match.Groups["headers"].Value.Split(';');
        if (!signedHeaders.Contains("host") || !signedHeaders.Contains("x-amz-date"))
        {
            return "host and x-amz-date must be signed";
        }

        var amzDate = request.Headers["X-Amz-Date"].ToString();
        if (!DateTime.TryParseExact(amzDate, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture,
                DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var signedAt) ||
            amzDate[..8] != match.Groups["date"].Value)
        {
            return "bad X-Amz-Date";
        }

        if ((DateTime.UtcNow - signedAt).Duration() > TimeSpan.FromMinutes(5))
        {
            return "request time too skewed";
        }

        var bodyHash = Hex(SHA256.HashData(body));
        var declaredHash = request.Headers["X-Amz-Content-SHA256"].ToString();
        if (declaredHash.Length > 0 && declaredHash != bodyHash)
        {
            return "x-amz-content-sha256 does not match the body";
        }

        var canonicalHeaders = new StringBuilder();
        foreach (var name in signedHeaders)
        {
            var value = name == "host" ? request.Host.Value : request.Headers[name].ToString();
            canonicalHeaders.Append(name).Append(':').Append(Regex.Replace(value ?? "", @"\s+", " ").Trim()).Append('\n');
        }

        var canonicalRequest = $"POST\n/\n\n{canonicalHeaders}\n{string.Join(';', signedHeaders)}\n{bodyHash}";
        var scope = $"{match.Groups["date"].Value}/us-east-1/mturk-requester/aws4_request";
        var stringToSign = $"AWS4-HMAC-SHA256\n{amzDate}\n{scope}\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest)))}";

        var key = Encoding.UTF8.GetBytes("AWS4" + secretAccessKey);
        foreach (var part in new[] { match.Groups["date"].Value, "us-east-1", "mturk-requester", "aws4_request" })
        {
            key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(part));
        }

        var expected = Hex(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(stringToSign)));
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(match.Groups["signature"].Value))
            ? null
            : "signature mismatch";
    }

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}
