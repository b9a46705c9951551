using PainBias.Crowd.MTurk;

namespace PainBias.Crowd.Tests.MTurk;

public sealed class MTurkOperationTests : MTurkTestContext
{
    [Fact]
    public async Task CreateHITType_is_idempotent_and_sends_the_documented_shape()
    {
        var first = await CreateHitTypeAsync(MTurkQualifications.ApprovalRateAtLeast(95), MTurkQualifications.LocaleIn(new Locale { Country = "US" }));
        var second = await CreateHitTypeAsync(MTurkQualifications.ApprovalRateAtLeast(95), MTurkQualifications.LocaleIn(new Locale { Country = "US" }));
        var other = await CreateHitTypeAsync(MTurkQualifications.ApprovalRateAtLeast(98));

        Assert.Equal(first, second);
        Assert.NotEqual(first, other);
        var body = Server.LastBodies["CreateHITType"];
        Assert.Equal("0.50", body["Reward"]!.GetValue<string>());
        Assert.Equal(1800, body["AssignmentDurationInSeconds"]!.GetValue<long>());
        var requirement = body["QualificationRequirements"]![0]!;
        Assert.Equal("000000000000000000L0", requirement["QualificationTypeId"]!.GetValue<string>());
        Assert.Equal("GreaterThanOrEqualTo", requirement["Comparator"]!.GetValue<string>());
        Assert.Equal(98, requirement["IntegerValues"]![0]!.GetValue<int>());
    }

    [Fact]
    public async Task CreateHITWithHITType_returns_the_HIT_with_its_ExternalQuestion_and_times()
    {
        var tookPart = (await Client.CreateQualificationTypeAsync(new CreateQualificationTypeRequest
        {
            Name = "PainBias took part",
            Description = "Marks workers who rated faces in a linked study.",
            QualificationTypeStatus = QualificationTypeStatus.Active,
        })).QualificationType.QualificationTypeId;
        var hitTypeId = await CreateHitTypeAsync(
            MTurkQualifications.ApprovalRateAtLeast(95),
            MTurkQualifications.ApprovedHITsAtLeast(100),
            MTurkQualifications.LocaleIn(new Locale { Country = "US" }, new Locale { Country = "CA" }),
            MTurkQualifications.DoesNotHave(tookPart));

        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        var hit = await CreateHitAsync(hitTypeId);

        Assert.False(string.IsNullOrEmpty(hit.HITId));
        Assert.Equal(hitTypeId, hit.HITTypeId);
        Assert.Equal(9, hit.MaxAssignments);
        Assert.Equal(HITStatus.Assignable, hit.HITStatus);
        Assert.Equal("0.50", hit.Reward);
        Assert.Equal("study-7/batch-3", hit.RequesterAnnotation);
        Assert.InRange(hit.CreationTime!.Value, before, DateTimeOffset.UtcNow.AddSeconds(1));
        Assert.InRange(hit.Expiration!.Value - hit.CreationTime.Value, TimeSpan.FromHours(24) - TimeSpan.FromSeconds(1), TimeSpan.FromHours(24) + TimeSpan.FromSeconds(1));
        Assert.Equal(800, ExternalQuestion.Parse(hit.Question!).FrameHeight);
        var doesNotExist = Assert.Single(hit.QualificationRequirements!, q => q.Comparator == Comparator.DoesNotExist);
        Assert.Equal(tookPart, doesNotExist.QualificationTypeId);
        Assert.Null(doesNotExist.IntegerValues);
        Assert.Equal(HITAccessActions.DiscoverPreviewAndAccept, doesNotExist.ActionsGuarded);
        Assert.Equal(["US", "CA"], hit.QualificationRequirements!.Single(q => q.Comparator == Comparator.In).LocaleValues!.Select(l => l.Country));
    }

    [Fact]
    public async Task Paging_helper_returns_every_assignment_across_pages()
    {
        var hit = await CreateHitAsync(await CreateHitTypeAsync(), maxAssignments: 30);
        var expected = Enumerable.Range(0, 23).Select(i => Server.State.AddSubmittedAssignment(hit.HITId, $"W{i:D3}").AssignmentId).ToList();

        var all = new List<Assignment>();
        await foreach (var assignment in Client.ListAllAssignmentsForHITAsync(hit.HITId, pageSize: 10))
        {
            all.Add(assignment);
        }

        Assert.Equal(expected, all.Select(a => a.AssignmentId));
        Assert.Equal(3, Server.CountOf("ListAssignmentsForHIT"));
        Assert.All(all, a => Assert.Equal(AssignmentStatus.Submitted, a.AssignmentStatus));
        Assert.All(all, a => Assert.True(a.SubmitTime > a.AcceptTime));
    }

    [Fact]
    public async Task Assignment_status_filter_is_sent_and_applied()
    {
        var hit = await CreateHitAsync(await CreateHitTypeAsync());
        var approved = Server.State.AddSubmittedAssignment(hit.HITId, "W1");
        Server.State.AddSubmittedAssignment(hit.HITId, "W2");
        await Client.ApproveAssignmentAsync(new ApproveAssignmentRequest { AssignmentId = approved.AssignmentId });

        var page = await Client.ListAssignmentsForHITAsync(new ListAssignmentsForHITRequest
        {
            HITId = hit.HITId,
            AssignmentStatuses = [AssignmentStatus.Approved],
        });

        var only = Assert.Single(page.Assignments);
        Assert.Equal(approved.AssignmentId, only.AssignmentId);
        Assert.NotNull(only.ApprovalTime);
        Assert.Null(page.NextToken);
    }

    [Fact]
    public async Task Approving_twice_is_a_RequestError_with_its_TurkErrorCode_and_is_not_retried()
    {
        var hit = await CreateHitAsync(await CreateHitTypeAsync());
        var assignment = Server.State.AddSubmittedAssignment(hit.HITId, "W1");

        await Client.ApproveAssignmentAsync(new ApproveAssignmentRequest { AssignmentId = assignment.AssignmentId, RequesterFeedback = "Thank you" });
        var error = await Assert.ThrowsAsync<MTurkRequestException>(() =>
            Client.ApproveAssignmentAsync(new ApproveAssignmentRequest { AssignmentId = assignment.AssignmentId }));

        Assert.Equal("AWS.MechanicalTurk.InvalidAssignmentState", error.TurkErrorCode);
        Assert.Equal("ApproveAssignment", error.Operation);
        Assert.Contains("status of: Submitted", error.Message);
        Assert.Equal(2, Server.CountOf("ApproveAssignment"));
        Assert.Equal("Approved", Server.State.FindAssignment(assignment.AssignmentId)!.Status);
        Assert.Equal("Thank you", Server.State.FindAssignment(assignment.AssignmentId)!.RequesterFeedback);
    }

    [Fact]
    public async Task Reject_then_approve_with_OverrideRejection()
    {
        var hit = await CreateHitAsync(await CreateHitTypeAsync());
        var assignment = Server.State.AddSubmittedAssignment(hit.HITId, "W1");

        await Client.RejectAssignmentAsync(new RejectAssignmentRequest { AssignmentId = assignment.AssignmentId, RequesterFeedback = "Failed the attention check." });
        Assert.Equal("Rejected", Server.State.FindAssignment(assignment.AssignmentId)!.Status);
        await Assert.ThrowsAsync<MTurkRequestException>(() =>
            Client.ApproveAssignmentAsync(new ApproveAssignmentRequest { AssignmentId = assignment.AssignmentId }));

        await Client.ApproveAssignmentAsync(new ApproveAssignmentRequest { AssignmentId = assignment.AssignmentId, OverrideRejection = true });
        Assert.Equal("Approved", Server.State.FindAssignment(assignment.AssignmentId)!.Status);
    }

    [Fact]
    public async Task Unknown_assignment_surfaces_its_TurkErrorCode()
    {
        var error = await Assert.ThrowsAsync<MTurkRequestException>(() =>
            Client.RejectAssignmentAsync(new RejectAssignmentRequest { AssignmentId = "NOPE", RequesterFeedback = "x" }));
        Assert.Equal("AWS.MechanicalTurk.AssignmentDoesNotExist", error.TurkErrorCode);
    }

    [Fact]
    public async Task Bonus_resent_with_the_same_UniqueRequestToken_is_paid_once()
    {
        var hit = await CreateHitAsync(await CreateHitTypeAsync());
        var assignment = Server.State.AddSubmittedAssignment(hit.HITId, "W1");
        var bonus = new SendBonusRequest
        {
            WorkerId = "W1",
            AssignmentId = assignment.AssignmentId,
            BonusAmount = MTurkAmount.Format(1.25m),
            Reason = "Accurate ratings on the gold faces.",
            UniqueRequestToken = "bonus-ledger-42",
        };

        await Client.SendBonusAsync(bonus);
        await Client.SendBonusAsync(bonus);

        Assert.Equal(2, Server.CountOf("SendBonus"));
        Assert.Single(Server.State.BonusesPaid);
        Assert.Equal("9998.75", (await Client.GetAccountBalanceAsync(new GetAccountBalanceRequest())).AvailableBalance);

        // A different token is a different bonus.
        await Client.SendBonusAsync(bonus with { UniqueRequestToken = "bonus-ledger-43" });
        Assert.Equal(2, Server.State.BonusesPaid.Count);
    }

    [Fact]
    public async Task Bonus_after_a_ServiceFault_retry_is_still_paid_once()
    {
        var hit = await CreateHitAsync(await CreateHitTypeAsync());
        var assignment = Server.State.AddSubmittedAssignment(hit.HITId, "W1");
        Server.FailNext(1, "ServiceFault");

        await Client.SendBonusAsync(new SendBonusRequest
        {
            WorkerId = "W1",
            AssignmentId = assignment.AssignmentId,
            BonusAmount = "0.30",
            Reason = "Bonus",
            UniqueRequestToken = "bonus-ledger-7",
        });

        Assert.Equal(2, Server.CountOf("SendBonus"));
        Assert.Equal(0.30m, Assert.Single(Server.State.BonusesPaid).Amount);
    }

    [Fact]
    public async Task Qualifications_are_created_granted_and_revoked()
    {
        var created = await Client.CreateQualificationTypeAsync(new CreateQualificationTypeRequest
        {
            Name = "PainBias screening passed",
            Description = "Passed the AU screening test.",
            Keywords = "painbias",
            QualificationTypeStatus = QualificationTypeStatus.Active,
        });
        var id = created.QualificationType.QualificationTypeId;
        Assert.Equal(QualificationTypeStatus.Active, created.QualificationType.QualificationTypeStatus);
        Assert.NotNull(created.QualificationType.CreationTime);

        await Client.AssociateQualificationWithWorkerAsync(new AssociateQualificationWithWorkerRequest
        {
            QualificationTypeId = id, WorkerId = "W9", IntegerValue = 1, SendNotification = false,
        });
        Assert.Equal(1, Server.State.WorkerQualifications[(id, "W9")]);
        Assert.False(Server.LastBodies["AssociateQualificationWithWorker"]["SendNotification"]!.GetValue<bool>());

        await Client.DisassociateQualificationFromWorkerAsync(new DisassociateQualificationFromWorkerRequest { QualificationTypeId = id, WorkerId = "W9", Reason = "Test" });
        Assert.Empty(Server.State.WorkerQualifications);

        var again = await Assert.ThrowsAsync<MTurkRequestException>(() =>
            Client.DisassociateQualificationFromWorkerAsync(new DisassociateQualificationFromWorkerRequest { QualificationTypeId = id, WorkerId = "W9" }));
        Assert.Equal("AWS.MechanicalTurk.QualificationDoesNotExist", again.TurkErrorCode);

        var duplicate = await Assert.ThrowsAsync<MTurkRequestException>(() => Client.CreateQualificationTypeAsync(new CreateQualificationTypeRequest
        {
            Name = "PainBias screening passed", Description = "again", QualificationTypeStatus = QualificationTypeStatus.Active,
        }));
        Assert.Equal("AWS.MechanicalTurk.QualificationTypeAlreadyExists", duplicate.TurkErrorCode);
    }

    [Fact]
    public async Task Worker_blocks_are_created_and_deleted()
    {
        await Client.CreateWorkerBlockAsync(new CreateWorkerBlockRequest { WorkerId = "W5", Reason = "Identical answer vectors across accounts." });
        Assert.Equal("Identical answer vectors across accounts.", Server.State.Blocks["W5"]);

        await Client.DeleteWorkerBlockAsync(new DeleteWorkerBlockRequest { WorkerId = "W5", Reason = "Appeal accepted." });
        Assert.Empty(Server.State.Blocks);
    }

    [Fact]
    public async Task Expiring_a_HIT_makes_it_reviewable()
    {
        var hitTypeId = await CreateHitTypeAsync();
        var expired = await CreateHitAsync(hitTypeId);
        var open = await CreateHitAsync(hitTypeId);

        await Client.UpdateExpirationForHITAsync(new UpdateExpirationForHITRequest { HITId = expired.HITId, ExpireAt = DateTimeOffset.UnixEpoch });
        var reviewable = await Client.ListReviewableHITsAsync(new ListReviewableHITsRequest { HITTypeId = hitTypeId, Status = ReviewableHITStatus.Reviewable, MaxResults = 100 });

        Assert.Equal(0, Server.LastBodies["UpdateExpirationForHIT"]["ExpireAt"]!.GetValue<long>());
        var hit = Assert.Single(reviewable.HITs);
        Assert.Equal(expired.HITId, hit.HITId);
        Assert.Equal(HITStatus.Reviewable, hit.HITStatus);
        Assert.NotEqual(open.HITId, hit.HITId);

        var later = DateTimeOffset.UtcNow.AddDays(3);
        await Client.UpdateExpirationForHITAsync(new UpdateExpirationForHITRequest { HITId = expired.HITId, ExpireAt = later });
        Assert.Empty((await Client.ListReviewableHITsAsync(new ListReviewableHITsRequest { HITTypeId = hitTypeId })).HITs);
    }

    [Fact]
    public async Task NotifyWorkers_reports_per_worker_failures_and_balance_reads()
    {
        var hit = await CreateHitAsync(await CreateHitTypeAsync());
        Server.State.AddSubmittedAssignment(hit.HITId, "W1");

        var result = await Client.NotifyWorkersAsync(new NotifyWorkersRequest
        {
            Subject = "New PainBias study",
            MessageText = "A new batch of faces is available.",
            WorkerIds = ["W1", "STRANGER"],
        });
        var balance = await Client.GetAccountBalanceAsync(new GetAccountBalanceRequest());

        var failure = Assert.Single(result.NotifyWorkersFailureStatuses);
        Assert.Equal("STRANGER", failure.WorkerId);
        Assert.Equal(NotifyWorkersFailureCode.HardFailure, failure.NotifyWorkersFailureCode);
        Assert.Equal(10000.00m, MTurkAmount.Parse(balance.AvailableBalance!));
    }

    [Fact]
    public async Task A_shape_the_API_refuses_surfaces_as_an_MTurkException()
    {
        var hitTypeId = await CreateHitTypeAsync();

        // A lifetime under 30 s is outside the documented range; the stand-in refuses it as MTurk does.
        var error = await Assert.ThrowsAsync<MTurkException>(() => Client.CreateHITWithHITTypeAsync(new CreateHITWithHITTypeRequest
        {
            HITTypeId = hitTypeId,
            LifetimeInSeconds = 5,
            Question = new ExternalQuestion(new Uri("https://painbias.example.org/task"), 600).ToXml(),
        }));

        Assert.Equal("ValidationException", error.ErrorType);
        Assert.Equal(1, Server.CountOf("CreateHITWithHITType"));
    }
}
