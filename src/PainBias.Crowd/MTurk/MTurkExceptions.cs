using System.Net;

namespace PainBias.Crowd.MTurk;

/// <summary>An MTurk call failed. Messages carry the operation and MTurk's own text, never credentials.</summary>
public class MTurkException(string operation, HttpStatusCode? statusCode, string message, string? errorType = null, Exception? innerException = null)
    : Exception(message, innerException)
{
    public string Operation { get; } = operation;

    public HttpStatusCode? StatusCode { get; } = statusCode;

    /// <summary>The <c>__type</c> MTurk sent, without its namespace (RequestError, ServiceFault, ThrottlingException...).</summary>
    public string? ErrorType { get; } = errorType;
}

/// <summary>MTurk refused the request itself (<c>RequestError</c>); retrying the same request will not help.</summary>
public sealed class MTurkRequestException(string operation, HttpStatusCode? statusCode, string message, string? turkErrorCode)
    : MTurkException(operation, statusCode, message, "RequestError")
{
    /// <summary>e.g. AWS.MechanicalTurk.InvalidAssignmentState; null when MTurk sent none.</summary>
    public string? TurkErrorCode { get; } = turkErrorCode;

    /// <summary>MTurk already holds the result of a request with this UniqueRequestToken.</summary>
    public bool IsDuplicateRequest => TurkErrorCode is "AWS.MechanicalTurk.DuplicateRequest" or "AWS.MechanicalTurk.HitAlreadyExists";
}

/// <summary>MTurk failed on its side (<c>ServiceFault</c> or a 5xx); retried, then surfaced.</summary>
public sealed class MTurkServiceException(string operation, HttpStatusCode? statusCode, string message, string? errorType)
    : MTurkException(operation, statusCode, message, errorType);

/// <summary>MTurk throttled the request (ThrottlingException, 429 or 503); retried with backoff, then surfaced.</summary>
public sealed class MTurkThrottledException(string operation, HttpStatusCode? statusCode, string message, string? errorType)
    : MTurkException(operation, statusCode, message, errorType);

/// <summary>The client is not set up to call MTurk (no credentials, bad endpoint); raised before any request is sent.</summary>
public sealed class MTurkConfigurationException(string message, Exception? innerException = null)
    : Exception(message, innerException);
