namespace PainBias.Crowd.MTurk;

/// <summary>
/// The MTurk Requester API (2017-01-17) operations PainBias uses. Names and shapes follow AWSSDK.MTurk's
/// <c>IAmazonMTurk</c> so that the SDK client could stand in for <see cref="MTurkJsonClient"/> with a thin adapter.
/// </summary>
public interface IMTurkClient
{
    Task<CreateHITTypeResponse> CreateHITTypeAsync(CreateHITTypeRequest request, CancellationToken cancellationToken = default);

    Task<CreateHITWithHITTypeResponse> CreateHITWithHITTypeAsync(CreateHITWithHITTypeRequest request, CancellationToken cancellationToken = default);

    Task<UpdateExpirationForHITResponse> UpdateExpirationForHITAsync(UpdateExpirationForHITRequest request, CancellationToken cancellationToken = default);

    /// <summary>Every HIT of the account; finds a HIT whose create answer was lost (by its RequesterAnnotation).</summary>
    Task<ListHITsResponse> ListHITsAsync(ListHITsRequest request, CancellationToken cancellationToken = default);

    Task<ListReviewableHITsResponse> ListReviewableHITsAsync(ListReviewableHITsRequest request, CancellationToken cancellationToken = default);

    Task<ListAssignmentsForHITResponse> ListAssignmentsForHITAsync(ListAssignmentsForHITRequest request, CancellationToken cancellationToken = default);

    Task<ApproveAssignmentResponse> ApproveAssignmentAsync(ApproveAssignmentRequest request, CancellationToken cancellationToken = default);

    Task<RejectAssignmentResponse> RejectAssignmentAsync(RejectAssignmentRequest request, CancellationToken cancellationToken = default);

    Task<SendBonusResponse> SendBonusAsync(SendBonusRequest request, CancellationToken cancellationToken = default);

    Task<CreateQualificationTypeResponse> CreateQualificationTypeAsync(CreateQualificationTypeRequest request, CancellationToken cancellationToken = default);

    Task<AssociateQualificationWithWorkerResponse> AssociateQualificationWithWorkerAsync(AssociateQualificationWithWorkerRequest request, CancellationToken cancellationToken = default);

    Task<DisassociateQualificationFromWorkerResponse> DisassociateQualificationFromWorkerAsync(DisassociateQualificationFromWorkerRequest request, CancellationToken cancellationToken = default);

    Task<CreateWorkerBlockResponse> CreateWorkerBlockAsync(CreateWorkerBlockRequest request, CancellationToken cancellationToken = default);

    Task<DeleteWorkerBlockResponse> DeleteWorkerBlockAsync(DeleteWorkerBlockRequest request, CancellationToken cancellationToken = default);

    Task<NotifyWorkersResponse> NotifyWorkersAsync(NotifyWorkersRequest request, CancellationToken cancellationToken = default);

    Task<GetAccountBalanceResponse> GetAccountBalanceAsync(GetAccountBalanceRequest request, CancellationToken cancellationToken = default);
}
