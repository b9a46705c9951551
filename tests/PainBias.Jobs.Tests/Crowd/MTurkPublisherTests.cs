using PainBias.Crowd.MTurk;
using PainBias.Crowd.Tests.MTurk;
using PainBias.Data;
using PainBias.Data.Entities;
using PainBias.TestSupport;

namespace PainBias.Jobs.Tests.Crowd;

public sealed class MTurkPublisherTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Publishing_creates_HITs_of_at_most_nine_assignments_until_the_quota_is_covered(DatabaseProvider provider)
    {
        await using var crowd = await CrowdHarness.StartAsync(provider);
        var study = await crowd.StudyAsync();
        var launch = await crowd.LaunchAsync(study.Study.Id, assignments: 20, l => l.ScreeningQualificationTypeId = "SCREENQUALIFICATION01");

        await crowd.Publisher.PublishAsync(launch.Id, CancellationToken.None);

        var hits = crowd.Server.State.Hits;
        Assert.Equal([9, 9, 2], hits.Select(h => h.MaxAssignments));
        var batches = await crowd.BatchesAsync(launch.Id);
        Assert.All(batches, b => Assert.Equal(MTurkBatchState.Created, b.State));
        Assert.Equal(hits.Select(h => h.HITId).Order(), batches.Select(b => b.HitId!).Order());
        Assert.Equal(MTurkLaunchStatus.Published, (await crowd.ReloadAsync(launch.Id)).Status);

        var question = ExternalQuestion.Parse(hits[0].Question);
        Assert.Equal($"https://painbias.example.org/task/mturk/{study.Study.Id}", question.ExternalUrl.AbsoluteUri);
        Assert.Equal(800, question.FrameHeight);
        Assert.All(batches, b => Assert.Equal(b.RequestToken, hits.Single(h => h.HITId == b.HitId).RequesterAnnotation!["painbias:".Length..]));

        var requirements = crowd.Server.LastBodies["CreateHITType"]["QualificationRequirements"]!.AsArray();
        var tookPart = (await crowd.ReloadAsync(launch.Id)).TookPartQualificationTypeId;
        Assert.NotNull(tookPart);
        Assert.Contains(requirements, r => r!["QualificationTypeId"]!.GetValue<string>() == MTurkQualifications.ApprovalRateId
            && r["Comparator"]!.GetValue<string>() == "GreaterThanOrEqualTo" && r["IntegerValues"]![0]!.GetValue<int>() == 95);
        Assert.Contains(requirements, r => r!["QualificationTypeId"]!.GetValue<string>() == MTurkQualifications.NumberHITsApprovedId
            && r["IntegerValues"]![0]!.GetValue<int>() == 100);
        Assert.Contains(requirements, r => r!["QualificationTypeId"]!.GetValue<string>() == MTurkQualifications.LocaleId
            && r["LocaleValues"]![0]!["Country"]!.GetValue<string>() == "US");
        Assert.Contains(requirements, r => r!["QualificationTypeId"]!.GetValue<string>() == tookPart && r["Comparator"]!.GetValue<string>() == "DoesNotExist");
        Assert.Contains(requirements, r => r!["QualificationTypeId"]!.GetValue<string>() == "SCREENQUALIFICATION01" && r["Comparator"]!.GetValue<string>() == "Exists");

        // A rerun (Hangfire retries, a second click) publishes nothing more.
        await crowd.Publisher.PublishAsync(launch.Id, CancellationToken.None);
        Assert.Equal(3, crowd.Server.CountOf("CreateHITWithHITType"));
        Assert.Equal(3, crowd.Server.State.Hits.Count);
    }

    [Fact]
    public async Task A_refusal_mid_batch_keeps_the_batch_state_and_a_rerun_creates_only_what_is_missing()
    {
        await using var crowd = await CrowdHarness.StartAsync();
        var study = await crowd.StudyAsync();
        var launch = await crowd.LaunchAsync(study.Study.Id, assignments: 25);
        crowd.Server.FailNextOf("CreateHITWithHITType", "RequestError", skip: 1, turkErrorCode: "AWS.MechanicalTurk.InsufficientFunds");

        var error = await Assert.ThrowsAsync<MTurkRequestException>(() => crowd.Publisher.PublishAsync(launch.Id, CancellationToken.None));
        Assert.Equal("AWS.MechanicalTurk.InsufficientFunds", error.TurkErrorCode);

        var batches = await crowd.BatchesAsync(launch.Id);
        Assert.Equal([MTurkBatchState.Created, MTurkBatchState.Creating, MTurkBatchState.Pending], batches.Select(b => b.State));
        Assert.Contains("InsufficientFunds", batches[1].LastError);
        Assert.Contains("InsufficientFunds", (await crowd.ReloadAsync(launch.Id)).LastError);
        Assert.Single(crowd.Server.State.Hits);

        await crowd.Publisher.PublishAsync(launch.Id, CancellationToken.None);

        Assert.Equal([9, 9, 7], crowd.Server.State.Hits.Select(h => h.MaxAssignments));
        Assert.All(await crowd.BatchesAsync(launch.Id), b => Assert.Equal(MTurkBatchState.Created, b.State));
    }

    [Theory]
    [InlineData("ServiceFault")]
    [InlineData("RequestError")]
    public async Task A_HIT_whose_answer_was_lost_is_found_again_not_created_twice(string lostAs)
    {
        await using var crowd = await CrowdHarness.StartAsync();
        var study = await crowd.StudyAsync();
        var launch = await crowd.LaunchAsync(study.Study.Id, assignments: 18);
        // MTurk creates the first HIT, but its answer never arrives.
        crowd.Server.LoseAnswerOfNext("CreateHITWithHITType", lostAs);

        if (lostAs == "RequestError")
        {
            // Not retried by the client: the job fails, Hangfire (here: the test) runs it again.
            await Assert.ThrowsAnyAsync<MTurkException>(() => crowd.Publisher.PublishAsync(launch.Id, CancellationToken.None));
            Assert.Equal(MTurkBatchState.Creating, (await crowd.BatchesAsync(launch.Id))[0].State);
        }

        await crowd.Publisher.PublishAsync(launch.Id, CancellationToken.None);

        Assert.Equal(2, crowd.Server.State.Hits.Count);
        var batches = await crowd.BatchesAsync(launch.Id);
        Assert.Equal(crowd.Server.State.Hits.Select(h => h.HITId).Order(), batches.Select(b => b.HitId!).Order());
        Assert.True(crowd.Server.CountOf("ListHITs") >= 1);
    }

    [Fact]
    public async Task Wrong_credentials_stop_before_anything_is_published_with_a_clear_message_and_no_secret_in_the_logs()
    {
        const string wrongSecret = "wrong/Secret+Key/must-never-be-logged/9876";
        await using var crowd = await CrowdHarness.StartAsync(secretAccessKey: wrongSecret);
        var study = await crowd.StudyAsync();
        var launch = await crowd.LaunchAsync(study.Study.Id, assignments: 9);

        await crowd.Publisher.PublishAsync(launch.Id, CancellationToken.None);

        var after = await crowd.ReloadAsync(launch.Id);
        Assert.Equal(MTurkLaunchStatus.Draft, after.Status);
        Assert.Contains("did not accept the AWS credentials", after.LastError);
        Assert.DoesNotContain(wrongSecret, after.LastError);
        Assert.Empty(crowd.Server.State.Hits);
        Assert.Equal(0, crowd.Server.CountOf("CreateHITType"));
        Assert.NotEmpty(crowd.Logs.Lines);
        Assert.DoesNotContain(wrongSecret, crowd.Logs.All);
        Assert.DoesNotContain(FakeMTurkServer.SecretAccessKey, crowd.Logs.All);
    }

    [Fact]
    public async Task Missing_credentials_stop_before_any_request_with_a_message_naming_the_settings()
    {
        await using var crowd = await CrowdHarness.StartAsync(accessKeyId: null, secretAccessKey: null);
        var study = await crowd.StudyAsync();
        var launch = await crowd.LaunchAsync(study.Study.Id, assignments: 9);

        await crowd.Publisher.PublishAsync(launch.Id, CancellationToken.None);

        var after = await crowd.ReloadAsync(launch.Id);
        Assert.Equal(MTurkLaunchStatus.Draft, after.Status);
        Assert.Contains("No MTurk credentials", after.LastError);
        Assert.Contains("MTurk:AccessKeyId", after.LastError);
        Assert.Equal(0, crowd.Server.RequestCount);
    }

    [Fact]
    public async Task A_successful_publish_logs_nothing_secret()
    {
        await using var crowd = await CrowdHarness.StartAsync();
        var study = await crowd.StudyAsync();
        var launch = await crowd.LaunchAsync(study.Study.Id, assignments: 3);
        crowd.Server.FailNext(1, "ThrottlingException");

        await crowd.Publisher.PublishAsync(launch.Id, CancellationToken.None);

        Assert.Contains("retry", crowd.Logs.All);
        Assert.Contains("published", crowd.Logs.All);
        Assert.DoesNotContain(FakeMTurkServer.SecretAccessKey, crowd.Logs.All);
        Assert.DoesNotContain(FakeMTurkServer.SecretAccessKey[..12], crowd.Logs.All);
    }

    [Fact]
    public async Task Expire_ends_every_HIT_now_and_extend_gives_them_more_time()
    {
        await using var crowd = await CrowdHarness.StartAsync();
        var study = await crowd.StudyAsync();
        var launch = await crowd.LaunchAsync(study.Study.Id, assignments: 12);
        await crowd.Publisher.PublishAsync(launch.Id, CancellationToken.None);

        Assert.Equal(2, await crowd.Control.ExpireAsync(launch.Id, CancellationToken.None));
        Assert.All(crowd.Server.State.Hits, h => Assert.True(h.Expiration <= DateTimeOffset.UtcNow));
        Assert.Equal(MTurkLaunchStatus.Closed, (await crowd.ReloadAsync(launch.Id)).Status);

        Assert.Equal(2, await crowd.Control.ExtendAsync(launch.Id, 48, CancellationToken.None));
        Assert.All(crowd.Server.State.Hits, h => Assert.InRange(h.Expiration - DateTimeOffset.UtcNow, TimeSpan.FromHours(47), TimeSpan.FromHours(48)));
        Assert.All(await crowd.BatchesAsync(launch.Id), b => Assert.True(b.Expiration > DateTime.UtcNow.AddHours(47)));
        Assert.Equal(MTurkLaunchStatus.Published, (await crowd.ReloadAsync(launch.Id)).Status);
    }
}
