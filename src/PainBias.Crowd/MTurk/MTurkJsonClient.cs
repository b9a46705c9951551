using System.Text.Json;

namespace PainBias.Crowd.MTurk;

/// <summary>MTurk Requester API over HttpClient with the AWS JSON 1.1 protocol.</summary>
public sealed class MTurkJsonClient(HttpClient http, MTurkRequestPipeline pipeline) : IMTurkClient
{
    public Task<CreateHITTypeResponse> CreateHITTypeAsync(CreateHITTypeRequest request, CancellationToken cancellationToken = default) =>
        SendAsync<CreateHITTypeRequest, CreateHITTypeResponse>("CreateHITType", request, cancellationToken);

    public Task<CreateHITWithHITTypeResponse> CreateHITWithHITTypeAsync(CreateHITWithHITTypeRequest request, CancellationToken cancellationToken = default) =>
        SendAsync<CreateHITWithHITTypeRequest, CreateHITWithHITTypeResponse>("CreateHITWithHITType", request, cancellationToken);

    public Task<UpdateExpirationForHITResponse> UpdateExpirationForHITAsync(UpdateExpirationForHITRequest request, CancellationToken cancellationToken = default) =>
        SendAsync<UpdateExpirationForHITRequest, UpdateExpirationForHITResponse>("UpdateExpirationForHIT", request, cancellationToken);

    public Task<ListHITsResponse> ListHITsAsync(ListHITsRequest request, CancellationToken cancellationToken = default) =>
        SendAsync<ListHITsRequest, ListHITsResponse>("ListHITs", request, cancellationToken);

    public Task<ListReviewableHITsResponse> ListReviewableHITsAsync(ListReviewableHITsRequest request, CancellationToken cancellationToken = default) =>
        SendAsync<ListReviewableHITsRequest, ListReviewableHITsResponse>("ListReviewableHITs", request, cancellationToken);

    public Task<ListAssignmentsForHITResponse> ListAssignmentsForHITAsync(ListAssignmentsForHITRequest request, CancellationToken cancellationToken = default) =>
        SendAsync<ListAssignmentsForHITRequest, ListAssignmentsForHITResponse>("ListAssignmentsForHIT", request, cancellationToken);

    public Task<ApproveAssignmentResponse> ApproveAssignmentAsync(ApproveAssignmentRequest request, CancellationToken cancellationToken = default) =>
        SendAsync<ApproveAssignmentRequest, ApproveAssignmentResponse>("ApproveAssignment", request, cancellationToken);

    public Task<RejectAssignmentResponse> RejectAssignmentAsync(RejectAssignmentRequest request, CancellationToken cancellationToken = default) =>
        SendAsync<RejectAssignmentRequest, RejectAssignmentResponse>("RejectAssignment", request, cancellationToken);

    public async Task<SendBonusResponse> SendBonusAsync(SendBonusRequest request, CancellationToken cancellationToken = default)
    {
        try
        {
            return await SendAsync<SendBonusRequest, SendBonusResponse>("SendBonus", request, cancellationToken).ConfigureAwait(false);
        }
        catch (MTurkRequestException e) when (e.IsDuplicateRequest && request.UniqueRequestToken is not null)
        {
            // MTurk answers a resent token with an error, but the bonus it names was paid: for the caller that is success.
            return new SendBonusResponse();
        }
    }

    public Task<CreateQualificationTypeResponse> CreateQualificationTypeAsync(CreateQualificationTypeRequest request, CancellationToken cancellationToken = default) =>
        SendAsync<CreateQualificationTypeRequest, CreateQualificationTypeResponse>("CreateQualificationType", request, cancellationToken);

    public Task<AssociateQualificationWithWorkerResponse> AssociateQualificationWithWorkerAsync(AssociateQualificationWithWorkerRequest request, CancellationToken cancellationToken = default) =>
        SendAsync<AssociateQualificationWithWorkerRequest, AssociateQualificationWithWorkerResponse>("AssociateQualificationWithWorker", request, cancellationToken);

    public Task<DisassociateQualificationFromWorkerResponse> DisassociateQualificationFromWorkerAsync(DisassociateQualificationFromWorkerRequest request, CancellationToken cancellationToken = default) =>
        SendAsync<DisassociateQualificationFromWorkerRequest, DisassociateQualificationFromWorkerResponse>("DisassociateQualificationFromWorker", request, cancellationToken);

    public Task<CreateWorkerBlockResponse> CreateWorkerBlockAsync(CreateWorkerBlockRequest request, CancellationToken cancellationToken = default) =>
        SendAsync<CreateWorkerBlockRequest, CreateWorkerBlockResponse>("CreateWorkerBlock", request, cancellationToken);

    public Task<DeleteWorkerBlockResponse> DeleteWorkerBlockAsync(DeleteWorkerBlockRequest request, CancellationToken cancellationToken = default) =>
        SendAsync<DeleteWorkerBlockRequest, DeleteWorkerBlockResponse>("DeleteWorkerBlock", request, cancellationToken);

    public Task<NotifyWorkersResponse> NotifyWorkersAsync(NotifyWorkersRequest request, CancellationToken cancellationToken = default) =>
        SendAsync<NotifyWorkersRequest, NotifyWorkersResponse>("NotifyWorkers", request, cancellationToken);

    public Task<GetAccountBalanceResponse> GetAccountBalanceAsync(GetAccountBalanceRequest request, CancellationToken cancellationToken = default) =>
        SendAsync<GetAccountBalanceRequest, GetAccountBalanceResponse>("GetAccountBalance", request, cancellationToken);

    private async Task<TResponse> SendAsync<TRequest, TResponse>(string operation, TRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = JsonSerializer.SerializeToUtf8Bytes(request, MTurkJson.Options);
        var payload = await pipeline.SendAsync(http, operation, body, cancellationToken).ConfigureAwait(false);
        try
        {
            // Operations without output answer "{}"; tolerate an empty body as the same.
            return JsonSerializer.Deserialize<TResponse>(payload.Length == 0 ? "{}"u8 : payload, MTurkJson.Options)
                ?? throw new MTurkException(operation, null, $"MTurk {operation} returned an empty response.");
        }
        catch (JsonException e)
        {
            throw new MTurkException(operation, null, $"MTurk {operation} returned a response that is not valid JSON for its shape.", innerException: e);
        }
    }
}
