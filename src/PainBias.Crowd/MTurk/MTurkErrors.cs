using System.Net;
using System.Text.Json;

namespace PainBias.Crowd.MTurk;

/// <summary>Turns an AWS JSON 1.1 error body (<c>__type</c>, <c>Message</c>, <c>TurkErrorCode</c>) into a typed exception.</summary>
internal static class MTurkErrors
{
    public static MTurkException ToException(string operation, HttpStatusCode status, ReadOnlySpan<byte> body, string? secretToRedact)
    {
        string? type = null, message = null, turkErrorCode = null;
        try
        {
            using var document = JsonDocument.Parse(body.ToArray());
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in document.RootElement.EnumerateObject())
                {
                    if (property.Value.ValueKind != JsonValueKind.String)
                    {
                        continue;
                    }

                    // Services differ in the case of "message"; __type may carry a "namespace#" prefix.
                    switch (property.Name)
                    {
                        case "__type":
                            type = property.Value.GetString();
                            break;
                        case "Message" or "message":
                            message = property.Value.GetString();
                            break;
                        case "TurkErrorCode":
                            turkErrorCode = property.Value.GetString();
                            break;
                    }
                }
            }
        }
        catch (JsonException)
        {
            // A proxy or load balancer page; the status code still says what kind of failure it is.
        }

        type = type?[(type.LastIndexOf('#') + 1)..];
        var text = $"MTurk {operation} failed: {type ?? "HTTP " + (int)status}" +
            (turkErrorCode is null ? "" : $" ({turkErrorCode})") +
            (string.IsNullOrWhiteSpace(message) ? "" : $": {message}");
        if (!string.IsNullOrEmpty(secretToRedact))
        {
            text = text.Replace(secretToRedact, "[redacted]", StringComparison.Ordinal);
        }

        return type switch
        {
            "ThrottlingException" or "Throttling" or "TooManyRequestsException" => new MTurkThrottledException(operation, status, text, type),
            "ServiceFault" or "ServiceUnavailable" or "InternalFailure" => new MTurkServiceException(operation, status, text, type),
            "RequestError" => new MTurkRequestException(operation, status, text, turkErrorCode),
            _ when status is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable => new MTurkThrottledException(operation, status, text, type),
            _ when (int)status >= 500 => new MTurkServiceException(operation, status, text, type),
            _ => new MTurkException(operation, status, text, type),
        };
    }
}
