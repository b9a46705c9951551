using System.Diagnostics;
using System.Net;
using System.Text;
using Microsoft.Extensions.Logging;
using PainBias.Crowd.MTurk;

namespace PainBias.Crowd.Tests.MTurk;

/// <summary>Wire protocol, signing, retries, rate limit, credentials and secrecy.</summary>
public sealed class MTurkProtocolTests : MTurkTestContext
{
    [Fact]
    public async Task Throttled_twice_then_success_succeeds_after_two_retries()
    {
        Server.FailNext(2, "ThrottlingException", "Rate exceeded");

        var balance = await Client.GetAccountBalanceAsync(new GetAccountBalanceRequest());

        Assert.Equal("10000.00", balance.AvailableBalance);
        Assert.Equal(3, Server.CountOf("GetAccountBalance"));
    }

    [Fact]
    public async Task Persistent_ServiceFault_surfaces_after_max_attempts()
    {
        Server.FailNext(10, "ServiceFault", "We encountered an internal error.");

        var error = await Assert.ThrowsAsync<MTurkServiceException>(() => Client.GetAccountBalanceAsync(new GetAccountBalanceRequest()));

        Assert.Equal(4, Server.CountOf("GetAccountBalance"));
        Assert.Equal("ServiceFault", error.ErrorType);
        Assert.Equal(HttpStatusCode.InternalServerError, error.StatusCode);
        Assert.Contains("internal error", error.Message);
    }

    [Fact]
    public async Task Persistent_throttling_surfaces_as_MTurkThrottledException()
    {
        Server.FailNext(10, "ThrottlingException");
        var client = CreateClient(o => o.MaxAttempts = 2);

        await Assert.ThrowsAsync<MTurkThrottledException>(() => client.GetAccountBalanceAsync(new GetAccountBalanceRequest()));

        Assert.Equal(2, Server.CountOf("GetAccountBalance"));
    }

    [Fact]
    public async Task Missing_credentials_fail_before_any_request()
    {
        var client = CreateClient(o =>
        {
            o.AccessKeyId = null;
            o.SecretAccessKey = "";
        });

        var error = await Assert.ThrowsAsync<MTurkConfigurationException>(() => client.GetAccountBalanceAsync(new GetAccountBalanceRequest()));

        Assert.Contains("MTurk:AccessKeyId", error.Message);
        Assert.Equal(0, Server.RequestCount);
    }

    [Fact]
    public async Task Without_explicit_keys_the_AWS_default_chain_supplies_them()
    {
        // Same class as the missing-credentials test, so xunit never runs the two at once.
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", FakeMTurkServer.AccessKeyId);
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", FakeMTurkServer.SecretAccessKey);
        try
        {
            var client = CreateClient(o =>
            {
                o.AccessKeyId = null;
                o.SecretAccessKey = null;
            });

            var balance = await client.GetAccountBalanceAsync(new GetAccountBalanceRequest());

            Assert.Equal("10000.00", balance.AvailableBalance);
        }
        finally
        {
            Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", null);
            Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", null);
        }
    }

    [Fact]
    public async Task Retries_are_logged_without_the_secret()
    {
        var logger = new ListLogger();
        using var pipeline = new MTurkRequestPipeline(Options(), logger);
        using var http = new HttpClient();
        var client = new MTurkJsonClient(http, pipeline);
        Server.FailNext(2, "ServiceFault", $"echo {FakeMTurkServer.SecretAccessKey}");

        await client.GetAccountBalanceAsync(new GetAccountBalanceRequest());

        Assert.Equal(2, logger.Messages.Count(m => m.Contains("retry", StringComparison.Ordinal)));
        Assert.All(logger.Messages, m => Assert.DoesNotContain(FakeMTurkServer.SecretAccessKey, m));
        Assert.Contains(logger.Messages, m => m.Contains("ServiceFault", StringComparison.Ordinal));
    }

    private sealed class ListLogger : ILogger<MTurkRequestPipeline>
    {
        public List<string> Messages { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (Messages)
            {
                Messages.Add(formatter(state, exception) + exception);
            }
        }
    }

    [Fact]
    public async Task Half_set_credentials_are_refused_when_the_pipeline_is_built()
    {
        var error = Assert.Throws<MTurkConfigurationException>(() => new MTurkRequestPipeline(Options(o => o.SecretAccessKey = "  ")));

        Assert.Contains("must be set together", error.Message);
        Assert.DoesNotContain(FakeMTurkServer.AccessKeyId, error.Message);
        await Task.Yield();
        Assert.Equal(0, Server.RequestCount);
    }

    [Fact]
    public async Task A_bad_signature_is_refused_not_retried_and_the_secret_stays_out_of_the_error()
    {
        const string wrongSecret = "wrong/Secret+Key/that-must-not-leak-0000";
        var client = CreateClient(o => o.SecretAccessKey = wrongSecret);

        var error = await Assert.ThrowsAsync<MTurkException>(() => client.GetAccountBalanceAsync(new GetAccountBalanceRequest()));

        Assert.Equal("InvalidSignatureException", error.ErrorType);
        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
        Assert.Equal(1, Server.RequestCount);
        Assert.DoesNotContain(wrongSecret, error.ToString());
        Assert.DoesNotContain(FakeMTurkServer.SecretAccessKey, error.ToString());
    }

    [Fact]
    public async Task A_server_message_that_echoes_the_secret_is_redacted()
    {
        Server.FailNext(1, "RequestError", $"Something echoed {FakeMTurkServer.SecretAccessKey} back");

        var error = await Assert.ThrowsAsync<MTurkRequestException>(() => Client.GetAccountBalanceAsync(new GetAccountBalanceRequest()));

        Assert.DoesNotContain(FakeMTurkServer.SecretAccessKey, error.ToString());
        Assert.Contains("[redacted]", error.Message);
    }

    [Fact]
    public async Task Unknown_access_key_is_refused()
    {
        var client = CreateClient(o => o.AccessKeyId = "AKIAUNKNOWN000000000");

        var error = await Assert.ThrowsAsync<MTurkException>(() => client.GetAccountBalanceAsync(new GetAccountBalanceRequest()));

        Assert.Equal("UnrecognizedClientException", error.ErrorType);
    }

    [Fact]
    public async Task Session_token_is_sent_and_signed()
    {
        var client = CreateClient(o => o.SessionToken = "session-token-abc");

        var balance = await client.GetAccountBalanceAsync(new GetAccountBalanceRequest());

        Assert.Equal("10000.00", balance.AvailableBalance);
    }

    [Theory]
    [InlineData("application/json", "MTurkRequesterServiceV20170117.GetAccountBalance", "SerializationException")]
    [InlineData("application/x-amz-json-1.1", "MTurkRequesterServiceV20140918.GetAccountBalance", "UnknownOperationException")]
    [InlineData("application/x-amz-json-1.1", null, "UnknownOperationException")]
    [InlineData("application/x-amz-json-1.1", "MTurkRequesterServiceV20170117.GetAccountBalance", "InvalidSignatureException")]
    public async Task Stand_in_refuses_requests_that_break_the_protocol(string contentType, string? target, string expectedType)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, Server.Endpoint) { Content = new StringContent("{}", Encoding.UTF8) };
        request.Content.Headers.ContentType = new(contentType);
        if (target is not null)
        {
            request.Headers.Add("X-Amz-Target", target);
        }

        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();

        Assert.False(response.IsSuccessStatusCode);
        Assert.Contains("#" + expectedType, body);
        Assert.Empty(Server.Operations);
    }

    [Theory]
    [InlineData("""{"Title":"t","Description":"d","Reward":0.5,"AssignmentDurationInSeconds":600}""", "Reward")]
    [InlineData("""{"Title":"t","Description":"d","Reward":"0.5","AssignmentDurationInSeconds":600}""", "Reward")]
    [InlineData("""{"Title":"t","Description":"d","Reward":"0.50"}""", "AssignmentDurationInSeconds")]
    [InlineData("""{"Title":"t","Reward":"0.50","AssignmentDurationInSeconds":600}""", "Description")]
    public async Task Stand_in_refuses_malformed_shapes(string json, string member)
    {
        using var http = new HttpClient();
        var credentials = new Amazon.Runtime.ImmutableCredentials(FakeMTurkServer.AccessKeyId, FakeMTurkServer.SecretAccessKey, null);
        using var request = MTurkSigner.CreateSignedRequest(Server.Endpoint, "CreateHITType", Encoding.UTF8.GetBytes(json), credentials);

        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("#ValidationException", body);
        Assert.Contains(member, body);
    }

    [Fact]
    public async Task Rate_limit_spaces_calls_out()
    {
        var client = CreateClient(o => o.MaxRequestsPerSecond = 2);
        var watch = Stopwatch.StartNew();

        for (var i = 0; i < 5; i++)
        {
            await client.GetAccountBalanceAsync(new GetAccountBalanceRequest());
        }

        // Two tokens a second: five calls need at least two refills. Only a lower bound, so never flaky.
        Assert.True(watch.Elapsed >= TimeSpan.FromSeconds(1), $"5 calls at 2/s took {watch.Elapsed}");
        Assert.Equal(5, Server.CountOf("GetAccountBalance"));
    }

    [Fact]
    public async Task Paging_helper_stops_on_a_repeated_NextToken()
    {
        var client = new LoopingClient();

        var error = await Assert.ThrowsAsync<MTurkException>(async () =>
        {
            await foreach (var _ in client.ListAllAssignmentsForHITAsync("H1"))
            {
            }
        });

        Assert.Contains("same NextToken", error.Message);
        await Task.Yield();
    }

    private sealed class LoopingClient : IMTurkClient
    {
        public Task<ListAssignmentsForHITResponse> ListAssignmentsForHITAsync(ListAssignmentsForHITRequest request, CancellationToken cancellationToken = default) =>
            Task.FromResult(new ListAssignmentsForHITResponse { NextToken = "same", Assignments = [new Assignment { AssignmentId = "A" }] });

        public Task<CreateHITTypeResponse> CreateHITTypeAsync(CreateHITTypeRequest request, CancellationToken cancellationToken = default) => throw new NotSupportedException();
        public Task<CreateHITWithHITTypeResponse> CreateHITWithHITTypeAsync(CreateHITWithHITTypeRequest request, CancellationToken cancellationToken = default) => throw new NotSupportedException();
        public Task<UpdateExpirationForHITResponse> UpdateExpirationForHITAsync(UpdateExpirationForHITRequest request, CancellationToken cancellationToken = default) => throw new NotSupportedException();
        public Task<ListReviewableHITsResponse> ListReviewableHITsAsync(ListReviewableHITsRequest request, CancellationToken cancellationToken = default) => throw new NotSupportedException();
        public Task<ListHITsResponse> ListHITsAsync(ListHITsRequest request, CancellationToken cancellationToken = default) => throw new NotSupportedException();
        public Task<ApproveAssignmentResponse> ApproveAssignmentAsync(ApproveAssignmentRequest request, CancellationToken cancellationToken = default) => throw new NotSupportedException();
        public Task<RejectAssignmentResponse> RejectAssignmentAsync(RejectAssignmentRequest request, CancellationToken cancellationToken = default) => throw new NotSupportedException();
        public Task<SendBonusResponse> SendBonusAsync(SendBonusRequest request, CancellationToken cancellationToken = default) => throw new NotSupportedException();
        public Task<CreateQualificationTypeResponse> CreateQualificationTypeAsync(CreateQualificationTypeRequest request, CancellationToken cancellationToken = default) => throw new NotSupportedException();
        public Task<AssociateQualificationWithWorkerResponse> AssociateQualificationWithWorkerAsync(AssociateQualificationWithWorkerRequest request, CancellationToken cancellationToken = default) => throw new NotSupportedException();
        public Task<DisassociateQualificationFromWorkerResponse> DisassociateQualificationFromWorkerAsync(DisassociateQualificationFromWorkerRequest request, CancellationToken cancellationToken = default) => throw new NotSupportedException();
        public Task<CreateWorkerBlockResponse> CreateWorkerBlockAsync(CreateWorkerBlockRequest request, CancellationToken cancellationToken = default) => throw new NotSupportedException();
        public Task<DeleteWorkerBlockResponse> DeleteWorkerBlockAsync(DeleteWorkerBlockRequest request, CancellationToken cancellationToken = default) => throw new NotSupportedException();
        public Task<NotifyWorkersResponse> NotifyWorkersAsync(NotifyWorkersRequest request, CancellationToken cancellationToken = default) => throw new NotSupportedException();
        public Task<GetAccountBalanceResponse> GetAccountBalanceAsync(GetAccountBalanceRequest request, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    }
}
