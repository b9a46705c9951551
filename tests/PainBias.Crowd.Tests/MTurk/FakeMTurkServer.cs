using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PainBias.Crowd.Tests.MTurk;

/// <summary>
/// A local MTurk Requester endpoint on 127.0.0.1 that speaks AWS JSON 1.1: it checks the target header, content
/// type and SigV4 signature, validates request shapes and keeps HITs, assignments, bonuses, qualifications and
/// blocks in memory. Faults can be injected for the next N calls.
/// </summary>
public sealed class FakeMTurkServer : IAsyncDisposable
{
    public const string AccessKeyId = "AKIAPAINBIASTEST0001";
    public const string SecretAccessKey = "pb/Secret+Key/never-in-logs/0123456789ab";
    private const string TargetPrefix = "MTurkRequesterServiceV20170117.";
    private const string ErrorNamespace = "com.amazonaws.mechanicalturk.requester#";

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<(string Type, HttpStatusCode Status, string Message)> _faults = new();
    private readonly ConcurrentQueue<(string Operation, string Type)> _lostAnswers = new();
    private readonly List<(string Operation, int Skip, string Type, string? TurkErrorCode)> _operationFaults = [];
    private int _requestCount;

    private FakeMTurkServer(WebApplication app)
    {
        _app = app;
    }

    public Uri Endpoint { get; private set; } = null!;

    /// <summary>Every HTTP request that reached the server, accepted or not.</summary>
    public int RequestCount => Volatile.Read(ref _requestCount);

    /// <summary>Operations in arrival order, for requests that passed the protocol checks.</summary>
    public ConcurrentQueue<string> Operations { get; } = new();

    /// <summary>Request bodies by operation, last one wins.</summary>
    public ConcurrentDictionary<string, JsonObject> LastBodies { get; } = new();

    public FakeMTurkState State { get; } = new();

    public int CountOf(string operation) => Operations.Count(o => o == operation);

    public void FailNext(int count, string errorType, string? message = null)
    {
        var status = errorType switch
        {
            "ServiceFault" => HttpStatusCode.InternalServerError,
            _ => HttpStatusCode.BadRequest,
        };
        for (var i = 0; i < count; i++)
        {
            _faults.Enqueue((errorType, status, message ?? $"Injected {errorType}"));
        }
    }

    /// <summary>
    /// The next call of <paramref name="operation"/> is carried out but answered with an error, as when MTurk's answer
    /// is lost on the way: the client cannot know that the HIT or bonus exists.
    /// </summary>
    public void LoseAnswerOfNext(string operation, string errorType = "ServiceFault") => _lostAnswers.Enqueue((operation, errorType));

    /// <summary>
    /// Refuses one call of <paramref name="operation"/>, after letting <paramref name="skip"/> calls of it through: a
    /// failure in the middle of a batch.
    /// </summary>
    public void FailNextOf(string operation, string errorType, int skip = 0, string? turkErrorCode = null)
    {
        lock (_operationFaults)
        {
            _operationFaults.Add((operation, skip, errorType, turkErrorCode));
        }
    }

    public static async Task<FakeMTurkServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FakeMTurkServer(app);
        app.MapPost("/", (Func<HttpContext, Task<IResult>>)server.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.Endpoint = new Uri(address);
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task<IResult> HandleAsync(HttpContext context)
    {
        Interlocked.Increment(ref _requestCount);
        var request = context.Request;
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer);
        var body = buffer.ToArray();

        if (request.ContentType != "application/x-amz-json-1.1")
        {
            return Error(HttpStatusCode.BadRequest, "SerializationException", "Content-Type must be application/x-amz-json-1.1");
        }

        var target = request.Headers["X-Amz-Target"].ToString();
        if (!target.StartsWith(TargetPrefix, StringComparison.Ordinal))
        {
            return Error(HttpStatusCode.BadRequest, "UnknownOperationException", "Missing or unknown X-Amz-Target");
        }

        var failure = SigV4Verifier.Check(request, body, AccessKeyId, SecretAccessKey);
        if (failure is not null)
        {
            // Real AWS echoes the canonical request on signature errors; echo what we have to test redaction.
            return Error(HttpStatusCode.Forbidden, failure == "unknown access key" ? "UnrecognizedClientException" : "InvalidSignatureException",
                $"Signature check failed: {failure}. Authorization was: {request.Headers.Authorization}");
        }

        var operation = target[TargetPrefix.Length..];
        JsonObject input;
        try
        {
            input = JsonNode.Parse(body) as JsonObject ?? throw new JsonException("not an object");
        }
        catch (JsonException)
        {
            return Error(HttpStatusCode.BadRequest, "SerializationException", "Body is not a JSON object");
        }

        Operations.Enqueue(operation);
        LastBodies[operation] = input;

        if (_faults.TryDequeue(out var fault))
        {
            return Error(fault.Status, fault.Type, fault.Message);
        }

        try
        {
            if (TakeOperationFault(operation) is { } refused)
            {
                throw refused;
            }

            var output = State.Handle(operation, input);
            if (_lostAnswers.TryPeek(out var lost) && lost.Operation == operation && _lostAnswers.TryDequeue(out lost))
            {
                return Error(lost.Type == "ServiceFault" ? HttpStatusCode.InternalServerError : HttpStatusCode.BadRequest, lost.Type, "Injected lost answer");
            }

            return Results.Text(output.ToJsonString(), "application/x-amz-json-1.1");
        }
        catch (FakeMTurkError e)
        {
            var result = new JsonObject { ["__type"] = ErrorNamespace + e.Type, ["Message"] = e.Message };
            if (e.TurkErrorCode is not null)
            {
                result["TurkErrorCode"] = e.TurkErrorCode;
            }

            return Results.Text(result.ToJsonString(), "application/x-amz-json-1.1", statusCode: 400);
        }
    }

    private FakeMTurkError? TakeOperationFault(string operation)
    {
        lock (_operationFaults)
        {
            var index = _operationFaults.FindIndex(f => f.Operation == operation);
            if (index < 0)
            {
                return null;
            }

            var fault = _operationFaults[index];
            if (fault.Skip > 0)
            {
                _operationFaults[index] = fault with { Skip = fault.Skip - 1 };
                return null;
            }

            _operationFaults.RemoveAt(index);
            return new FakeMTurkError(fault.Type, $"Injected {fault.Type} for {operation}", fault.TurkErrorCode);
        }
    }

    private static IResult Error(HttpStatusCode status, string type, string message) =>
        Results.Text(new JsonObject { ["__type"] = ErrorNamespace + type, ["Message"] = message }.ToJsonString(),
            "application/x-amz-json-1.1", statusCode: (int)status);
}

public sealed class FakeMTurkError(string type, string message, string? turkErrorCode = null) : Exception(message)
{
    public string Type { get; } = type;

    public string? TurkErrorCode { get; } = turkErrorCode;

    public static FakeMTurkError Validation(string message) => new("ValidationException", message);

    public static FakeMTurkError Request(string code, string message) => new("RequestError", message, code);
}
