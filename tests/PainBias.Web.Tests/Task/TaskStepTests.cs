using System.Net;
using Microsoft.EntityFrameworkCore;
using PainBias.Core.Domain;
using PainBias.Data;
using PainBias.Data.Entities;
using static PainBias.Web.Tests.AssessorTask.TaskTestData;

namespace PainBias.Web.Tests.AssessorTask;

/// <summary>Steps held by the server: refresh and Back, MTurk preview and return, languages, speeders, declining.</summary>
[Collection(TaskWebCollection.Name)]
public sealed class TaskStepTests(TaskWebFixture fixture)
{
    [Fact]
    public async Task Refresh_and_reopening_the_link_return_to_the_same_step_and_slot()
    {
        var host = await fixture.HostAsync(DatabaseProvider.Sqlite);
        var seeded = await StudyAsync(host);
        var link = DirectLink(host, seeded.Study.Id);
        var browser = Browser(host);
        await browser.OpenAsync(link);
        await browser.SubmitAsync(new Dictionary<string, string?> { ["Form.Consent"] = "yes" });
        Assert.Contains("Six facial movements of pain", (await browser.Tab(browser.Client).OpenAsync(browser.Url!)).Html);
        Assert.Contains("Six facial movements of pain", (await Browser(host).OpenAsync(link)).Html);

        await browser.SubmitAsync();
        var variant = TaskBrowser.HiddenFields(browser.Html)["Form.VariantId"];
        // Back to the instructions page and posting it again changes nothing: the server is at the rating step.
        var back = await Browser(host).OpenAsync(link);
        Assert.Equal(variant, TaskBrowser.HiddenFields(back.Html)["Form.VariantId"]);
        var stale = browser.Tab(browser.Client);
        await stale.SubmitAsync(new Dictionary<string, string?> { ["Form.Step"] = nameof(TaskStep.Instructions) });
        Assert.Equal(variant, TaskBrowser.HiddenFields(stale.Html)["Form.VariantId"]);

        await using var db = await host.Database.ContextAsync();
        Assert.Single(await db.Reservations.Where(r => r.StudyId == seeded.Study.Id).ToListAsync());
        Assert.Single(await db.TaskSessions.Where(s => s.StudyId == seeded.Study.Id).ToListAsync());
    }

    [Fact]
    public async Task MTurk_preview_shows_the_task_and_takes_no_slot()
    {
        var host = await fixture.HostAsync(DatabaseProvider.Sqlite);
        var seeded = await StudyAsync(host);
        var page = await Browser(host).OpenAsync($"/task/mturk/{seeded.Study.Id}?assignmentId=ASSIGNMENT_ID_NOT_AVAILABLE&hitId=H1");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Accept the HIT to begin", page.Html);

        var response = await page.Client.GetAsync($"/task/mturk/{seeded.Study.Id}?assignmentId=ASSIGNMENT_ID_NOT_AVAILABLE");
        Assert.Contains("frame-ancestors 'self' https://worker.mturk.com", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.False(response.Headers.Contains("X-Frame-Options"));
        await using var db = await host.Database.ContextAsync();
        Assert.False(await db.TaskSessions.AnyAsync(s => s.StudyId == seeded.Study.Id));
        Assert.False(await db.Reservations.AnyAsync(r => r.StudyId == seeded.Study.Id));
    }

    [Fact]
    public async Task An_MTurk_worker_finishes_with_a_post_back_to_MTurk()
    {
        var host = await fixture.HostAsync(DatabaseProvider.Sqlite);
        var seeded = await StudyAsync(host);
        var worker = "A" + Guid.NewGuid().ToString("N")[..12].ToUpperInvariant();
        var entry = $"/task/mturk/{seeded.Study.Id}?assignmentId=ASG1&hitId=HIT1&workerId={worker}&turkSubmitTo=https%3A%2F%2Fworkersandbox.mturk.com";
        var browser = await ToRatingAsync(host, entry);
        await browser.SubmitAsync(Rating());

        Assert.Contains("action=\"https://workersandbox.mturk.com/mturk/externalSubmit\"", browser.Html);
        Assert.Equal("ASG1", TaskBrowser.HiddenFields(browser.Html)["assignmentId"]);
        // Coming back in another assignment of the same study is refused; a foreign submit target is refused outright.
        Assert.Equal(HttpStatusCode.Conflict, (await Browser(host).OpenAsync(entry.Replace("ASG1", "ASG2"))).Status);
        var foreign = await Browser(host).OpenAsync(entry.Replace("workersandbox.mturk.com", "evil.example"));
        Assert.Equal(HttpStatusCode.BadRequest, foreign.Status);

        await using var db = await host.Database.ContextAsync();
        var assessment = await db.Assessments.SingleAsync(a => a.StudyId == seeded.Study.Id);
        Assert.Equal(Platform.MTurk, assessment.Platform);
    }

    [Fact]
    public async Task A_rating_faster_than_the_minimum_is_stored_but_excluded()
    {
        var host = await fixture.HostAsync(DatabaseProvider.Sqlite);
        var seeded = await StudyAsync(host, minSeconds: 60);
        var browser = await ToRatingAsync(host, DirectLink(host, seeded.Study.Id));
        await browser.SubmitAsync(Rating());
        Assert.Contains("Your completion code:", browser.Html);

        await using var db = await host.Database.ContextAsync();
        var assessment = await db.Assessments.SingleAsync(a => a.StudyId == seeded.Study.Id);
        Assert.False(assessment.Included);
        // Rating()'s race and age answers need not match the variant drawn: that is a report-only flag.
        Assert.Equal(ExclusionReason.TooFast, assessment.ExclusionReasons & ~ExclusionReason.ManipulationCheckFailed);
    }

    [Fact]
    public async Task A_Chinese_link_shows_Chinese_and_the_language_can_be_switched()
    {
        var host = await fixture.HostAsync(DatabaseProvider.Sqlite);
        var seeded = await StudyAsync(host);
        var browser = Browser(host);
        await browser.OpenAsync(DirectLink(host, seeded.Study.Id, "zh-CN", Platform.Credamo));
        Assert.Contains("知情同意", browser.Html);
        await browser.SubmitAsync(new Dictionary<string, string?> { ["Form.Consent"] = "yes" });
        Assert.Contains("六种疼痛面部动作", browser.Html);

        await browser.OpenAsync($"/task/s/{browser.SessionId}?lang=en");
        Assert.Contains("Six facial movements of pain", browser.Html);
        // The choice is kept with the session.
        Assert.Contains("Six facial movements of pain", (await browser.Tab(browser.Client).OpenAsync($"/task/s/{browser.SessionId}")).Html);

        var request = new HttpRequestMessage(HttpMethod.Get, DirectLink(host, seeded.Study.Id, culture: "fr"));
        request.Headers.AcceptLanguage.ParseAdd("zh-CN,zh;q=0.9,en;q=0.5");
        var byBrowser = await host.CreateClient().SendAsync(request);
        Assert.Contains("知情同意", await byBrowser.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Declining_consent_ends_the_task_without_a_slot()
    {
        var host = await fixture.HostAsync(DatabaseProvider.Sqlite);
        var seeded = await StudyAsync(host);
        var browser = Browser(host);
        await browser.OpenAsync(DirectLink(host, seeded.Study.Id));
        await browser.SubmitAsync(new Dictionary<string, string?> { ["Form.Consent"] = "no" });
        Assert.Contains("You chose not to take part", browser.Html);
        await using var db = await host.Database.ContextAsync();
        Assert.False(await db.Reservations.AnyAsync(r => r.StudyId == seeded.Study.Id));
    }

    [Fact]
    public async Task A_full_study_says_so_instead_of_giving_a_slot()
    {
        var host = await fixture.HostAsync(DatabaseProvider.Sqlite);
        var seeded = await StudyAsync(host, faces: 1, k: 1);
        for (var i = 0; i < 4; i++)
            await ToRatingAsync(host, DirectLink(host, seeded.Study.Id));
        var browser = Browser(host);
        await browser.OpenAsync(DirectLink(host, seeded.Study.Id));
        await browser.SubmitAsync(new Dictionary<string, string?> { ["Form.Consent"] = "yes" });
        await browser.SubmitAsync();
        Assert.Contains("No task available", browser.Html);
    }

    [Fact]
    public async Task Several_images_per_assessor_are_rated_one_after_another_from_different_faces()
    {
        var host = await fixture.HostAsync(DatabaseProvider.Sqlite);
        var seeded = await StudyAsync(host, faces: 3);
        await using (var db = await host.Database.ContextAsync())
            await db.Studies.Where(s => s.Id == seeded.Study.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.ImagesPerAssessor, 2));
        var browser = await ToRatingAsync(host, DirectLink(host, seeded.Study.Id));
        Assert.Contains("Image 1 of 2", browser.Html);
        var first = browser.Tab(browser.Client);

        await browser.SubmitAsync(Rating());
        Assert.Contains("Image 2 of 2", browser.Html);
        // The first page submitted again (Back, double click) is recognised and changes nothing.
        await first.SubmitAsync(Rating());
        Assert.Contains("Image 2 of 2", first.Html);
        Assert.DoesNotContain("Please check your answers", first.Html);
        await browser.SubmitAsync(Rating());
        Assert.Contains("Your completion code:", browser.Html);

        await using var check = await host.Database.ContextAsync();
        var rated = await check.Assessments.Where(a => a.StudyId == seeded.Study.Id).Select(a => a.VariantId).ToListAsync();
        Assert.Equal(2, rated.Count);
        Assert.Equal(2, seeded.Variants.Where(v => rated.Contains(v.Id)).Select(v => v.SourceFaceId).Distinct().Count());
    }
}
