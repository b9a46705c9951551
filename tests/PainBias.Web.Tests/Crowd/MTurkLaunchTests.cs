using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PainBias.Crowd.Tests.MTurk;
using PainBias.Data;
using PainBias.Data.Entities;
using PainBias.Jobs.Crowd;
using PainBias.TestSupport;
using PainBias.Web.Features.Crowd;
using PainBias.Web.Hosting;
using PainBias.Web.Tests.AssessorTask;

namespace PainBias.Web.Tests.Crowd;

/// <summary>The researcher's MTurk page and the handlers behind it, on the real host with the MTurk stand-in.</summary>
[Collection(TaskWebCollection.Name)]
public sealed class MTurkLaunchTests
{
    [Fact]
    public async Task A_draft_covers_what_the_quota_lacks_and_bad_settings_are_named()
    {
        await using var crowd = await CrowdWebAsync();
        var (studyId, owner) = await StudyAsync(crowd.Host, faces: 3, k: 5, imagesPerAssessor: 2);
        await using var scope = crowd.Host.Services.CreateAsyncScope();
        var save = scope.ServiceProvider.GetRequiredService<SaveMTurkLaunch.Handler>();

        var bad = await save.HandleAsync(studyId, new MTurkLaunchForm { TaskUrl = $"http://example.org/task/mturk/{studyId}", Reward = 0.005m, Locales = "USA" }, owner, default);
        Assert.Null(bad.LaunchId);
        Assert.Contains(bad.Errors, e => e.StartsWith("Task URL: MTurk frames only HTTPS", StringComparison.Ordinal));
        Assert.Contains(bad.Errors, e => e.StartsWith("Reward:", StringComparison.Ordinal));
        Assert.Contains(bad.Errors, e => e.StartsWith("Locales:", StringComparison.Ordinal));
        var otherStudy = await save.HandleAsync(studyId, new MTurkLaunchForm { TaskUrl = $"https://example.org/task/mturk/{Guid.NewGuid()}" }, owner, default);
        Assert.Contains(otherStudy.Errors, e => e.Contains("this study's task", StringComparison.Ordinal));
        var stranger = await save.HandleAsync(studyId, Form(studyId), new Actor("someone-else", IsAdmin: false), default);
        Assert.True(stranger.NotFound);

        var saved = await save.HandleAsync(studyId, Form(studyId), owner, default);

        await using var db = await crowd.Host.Database.ContextAsync();
        var launch = await db.MTurkLaunches.SingleAsync(l => l.Id == saved.LaunchId);
        // 3 faces × 4 variants × k 5 ÷ 2 images per assessor = 30 assignments.
        Assert.Equal(30, launch.TotalAssignments);
        Assert.Equal(MTurkLaunchStatus.Draft, launch.Status);
        Assert.Equal(0, crowd.Api.RequestCount);
    }

    [Fact]
    public async Task Live_publishing_needs_the_confirmed_total_and_then_queues_the_job_on_the_crowd_queue()
    {
        await using var crowd = await CrowdWebAsync();
        var (studyId, owner) = await StudyAsync(crowd.Host, faces: 2, k: 5, imagesPerAssessor: 1);
        await using var scope = crowd.Host.Services.CreateAsyncScope();
        var form = Form(studyId);
        form.Sandbox = false;
        form.Reward = 0.50m;
        var launchId = (await scope.ServiceProvider.GetRequiredService<SaveMTurkLaunch.Handler>().HandleAsync(studyId, form, owner, default)).LaunchId!.Value;
        var publish = scope.ServiceProvider.GetRequiredService<PublishMTurkLaunch.Handler>();

        var estimate = (await publish.EstimateAsync(launchId, owner, default))!;
        // 2 faces × 4 variants × 5 = 40 assignments in HITs of 9, 9, 9, 9, 4: $20.00 rewards + 20% fees.
        Assert.Equal(5, estimate.Hits);
        Assert.Equal(24.00m, estimate.Cost.Total);
        Assert.Equal(10000.00m, estimate.Account.AvailableBalance);

        var unconfirmed = await publish.PublishAsync(launchId, owner, confirmedTotal: null, default);
        Assert.Contains("confirm the total of $24.00", unconfirmed);
        Assert.Contains("confirm", await publish.PublishAsync(launchId, owner, confirmedTotal: 20.00m, default));
        Assert.Equal(MTurkLaunchStatus.Draft, await StatusAsync(crowd.Host, launchId));
        Assert.Equal(0, crowd.Api.CountOf("CreateHITType"));

        Assert.Null(await publish.PublishAsync(launchId, owner, confirmedTotal: 24.00m, default));

        Assert.Equal(MTurkLaunchStatus.Publishing, await StatusAsync(crowd.Host, launchId));
        var queued = crowd.Host.Services.GetRequiredService<JobStorage>().GetMonitoringApi().EnqueuedJobs("crowd", 0, 10);
        Assert.Contains(queued, j => j.Value.Job.Type == typeof(MTurkPublisher) && j.Value.Job.Args.Contains(launchId));

        // What the crowd queue then runs: the HITs go to the stand-in.
        await scope.ServiceProvider.GetRequiredService<MTurkPublisher>().PublishAsync(launchId, default);
        Assert.Equal([9, 9, 9, 9, 4], crowd.Api.State.Hits.Select(h => h.MaxAssignments));
        Assert.Contains("already published", await publish.PublishAsync(launchId, owner, 24.00m, default));
    }

    [Fact]
    public async Task Wrong_credentials_are_reported_before_anything_is_published()
    {
        await using var crowd = await CrowdWebAsync(secret: "not/the/right/secret/at/all/0000000000");
        var (studyId, owner) = await StudyAsync(crowd.Host, faces: 1, k: 2, imagesPerAssessor: 1);
        await using var scope = crowd.Host.Services.CreateAsyncScope();
        var launchId = (await scope.ServiceProvider.GetRequiredService<SaveMTurkLaunch.Handler>().HandleAsync(studyId, Form(studyId), owner, default)).LaunchId!.Value;

        var problem = await scope.ServiceProvider.GetRequiredService<PublishMTurkLaunch.Handler>().PublishAsync(launchId, owner, null, default);

        Assert.Contains("did not accept the AWS credentials", problem);
        Assert.DoesNotContain("not/the/right/secret", problem);
        Assert.Equal(MTurkLaunchStatus.Draft, await StatusAsync(crowd.Host, launchId));
        // The signature was refused, so the stand-in carried out nothing; the balance request was the only one sent.
        Assert.Equal(1, crowd.Api.RequestCount);
        Assert.Empty(crowd.Api.State.Hits);
    }

    [Fact]
    public async Task The_study_page_links_the_MTurk_page_which_shows_the_quota()
    {
        await using var crowd = await CrowdWebAsync();
        var client = await SignInAsAdminAsync(crowd.Host);
        var (studyId, _) = await StudyAsync(crowd.Host, faces: 1, k: 5, imagesPerAssessor: 1);

        var study = await client.GetStringAsync($"/studies/{studyId}");
        Assert.Contains($"href=\"/studies/{studyId}/mturk\"", study);
        var page = await client.GetStringAsync($"/studies/{studyId}/mturk");
        Assert.Contains("Quota: 20 assignments", page);
        Assert.Contains("Save draft", page);
    }

    private static MTurkLaunchForm Form(Guid studyId) => new() { TaskUrl = $"https://painbias.example.org/task/mturk/{studyId}" };

    private static async Task<MTurkLaunchStatus> StatusAsync(MTurkWebFactory host, Guid launchId)
    {
        await using var db = await host.Database.ContextAsync();
        return await db.MTurkLaunches.Where(l => l.Id == launchId).Select(l => l.Status).SingleAsync();
    }

    private static async Task<(Guid StudyId, Actor Owner)> StudyAsync(MTurkWebFactory host, int faces, int k, int imagesPerAssessor)
    {
        await using var db = await host.Database.ContextAsync();
        var owner = await TestData.AddUserAsync(db, $"owner-{Guid.NewGuid():N}@example.org");
        var seeded = await TestData.AddStudyAsync(db, owner.Id, faces);
        var study = await db.Studies.SingleAsync(s => s.Id == seeded.Study.Id);
        (study.RatingsPerVariantMTurk, study.ImagesPerAssessor) = (k, imagesPerAssessor);
        await db.SaveChangesAsync();
        return (study.Id, new Actor(owner.Id, IsAdmin: false));
    }

    private static async Task<HttpClient> SignInAsAdminAsync(MTurkWebFactory host)
    {
        var client = host.CreateClient();
        var login = await client.GetStringAsync("/account/login");
        var token = TaskBrowser.HiddenFields(login)["__RequestVerificationToken"];
        var response = await client.PostAsync("/account/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["email"] = "admin@painbias.local", ["password"] = "Crowd-tests-admin-2026", ["returnUrl"] = "/",
        }));
        Assert.DoesNotContain("error=", response.RequestMessage!.RequestUri!.Query);
        return client;
    }

    private static async Task<CrowdWeb> CrowdWebAsync(string secret = FakeMTurkServer.SecretAccessKey)
    {
        var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var api = await FakeMTurkServer.StartAsync();
        var host = new MTurkWebFactory(database, api, "http://127.0.0.1:9", secret);
        _ = host.Server; // start it
        return new CrowdWeb(database, api, host);
    }

    private sealed record CrowdWeb(TestDatabase Database, FakeMTurkServer Api, MTurkWebFactory Host) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Host.DisposeAsync();
            await Api.DisposeAsync();
            await Database.DisposeAsync();
        }
    }
}
