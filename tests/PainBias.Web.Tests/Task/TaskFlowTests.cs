using System.Net;
using Microsoft.EntityFrameworkCore;
using PainBias.Core.Domain;
using PainBias.Data;
using PainBias.Data.Entities;
using PainBias.TestSupport;
using static PainBias.Web.Tests.AssessorTask.TaskTestData;

namespace PainBias.Web.Tests.AssessorTask;

/// <summary>The assessor's journey through real HTTP requests and form posts, on both database providers.</summary>
[Collection(TaskWebCollection.Name)]
public sealed class TaskFlowTests(TaskWebFixture fixture)
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_direct_link_leads_through_consent_and_instructions_to_one_stored_rating(DatabaseProvider provider)
    {
        var host = await fixture.HostAsync(provider);
        var seeded = await StudyAsync(host);
        var browser = Browser(host);

        await browser.OpenAsync(DirectLink(host, seeded.Study.Id));
        Assert.Equal(HttpStatusCode.OK, browser.Status);
        Assert.Contains("Information and consent", browser.Html);
        Assert.Matches("/task/s/[0-9a-f-]{36}$", browser.Url);

        await browser.SubmitAsync(new Dictionary<string, string?> { ["Form.Consent"] = "yes" });
        Assert.Contains("Six facial movements of pain", browser.Html);
        foreach (var au in ActionUnits.All)
            Assert.Contains($"/task/{au.FieldName()}.svg", browser.Html);

        await browser.SubmitAsync();
        Assert.Contains("Rate this face", browser.Html);
        Assert.Contains("select &#x27;slightly&#x27; for this question", browser.Html);
        var image = await browser.Client.GetAsync($"/task/s/{browser.SessionId}/image");
        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        var variantId = Guid.Parse(TaskBrowser.HiddenFields(browser.Html)["Form.VariantId"]);
        var expected = seeded.Variants.Single(v => v.Id == variantId);

        await browser.SubmitAsync(Rating());
        Assert.Contains("Your completion code:", browser.Html);

        await using var db = await host.Database.ContextAsync();
        var assessment = await db.Assessments.SingleAsync(a => a.StudyId == seeded.Study.Id);
        Assert.Equal((variantId, 10, true, true), (assessment.VariantId, assessment.Pspi, assessment.Included, assessment.AttentionPassed));
        Assert.Equal((Race.B, AgeGroup.Young, false), (assessment.PerceivedRaceAnswer, assessment.PerceivedAgeAnswer, assessment.LooksEditedAnswer));
        Assert.Equal(await db.Blobs.Where(b => b.Sha256 == expected.ImageSha256).Select(b => b.Data).SingleAsync(), await image.Content.ReadAsByteArrayAsync());
        var session = await db.TaskSessions.SingleAsync(s => s.Id == browser.SessionId);
        Assert.Equal(TaskStep.Completed, session.Step);
        Assert.Contains(session.CompletionCode!, browser.Html);
        Assert.Equal(ReservationStatus.Submitted, (await db.Reservations.SingleAsync(r => r.Id == session.ReservationId)).Status);
        // The image is served to a session only while it rates it.
        Assert.Equal(HttpStatusCode.NotFound, (await browser.Client.GetAsync($"/task/s/{browser.SessionId}/image")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_double_submit_stores_one_assessment_and_shows_the_same_completion(DatabaseProvider provider)
    {
        var host = await fixture.HostAsync(provider);
        var seeded = await StudyAsync(host);
        var browser = await ToRatingAsync(host, DirectLink(host, seeded.Study.Id));
        var tabs = Enumerable.Range(0, 4).Select(_ => browser.Tab(browser.Client)).ToList();

        // Three clicks in flight at once, then one more from the same stale page after they have completed.
        var clicks = await Task.WhenAll(tabs.Take(3).Select(tab => tab.SubmitAsync(Rating())));
        var late = await tabs[3].SubmitAsync(Rating());
        var refreshed = await browser.Tab(browser.Client).OpenAsync($"/task/s/{browser.SessionId}");

        await using var db = await host.Database.ContextAsync();
        Assert.Equal(1, await db.Assessments.CountAsync(a => a.StudyId == seeded.Study.Id));
        var code = (await db.TaskSessions.SingleAsync(s => s.Id == browser.SessionId)).CompletionCode!;
        Assert.All(clicks.Append(late).Append(refreshed), page => Assert.Contains(code, page.Html));
    }

    [Fact]
    public async Task Refreshes_racing_a_submit_never_undo_the_completion_or_take_a_second_slot()
    {
        var host = await fixture.HostAsync(DatabaseProvider.Postgres);
        var seeded = await StudyAsync(host, faces: 4, k: 10);
        for (var round = 0; round < 8; round++)
        {
            var browser = await ToRatingAsync(host, DirectLink(host, seeded.Study.Id));
            var refreshes = Enumerable.Range(0, 4).Select(_ => browser.Tab(browser.Client).OpenAsync($"/task/s/{browser.SessionId}"));
            await Task.WhenAll(refreshes.Append(browser.SubmitAsync(Rating())));

            await using var db = await host.Database.ContextAsync();
            var session = await db.TaskSessions.SingleAsync(s => s.Id == browser.SessionId);
            Assert.Equal(TaskStep.Completed, session.Step);
            // A refresh that lost the race may have taken a slot for a moment; it must have given it back.
            var reservations = await db.Reservations.Where(r => r.WorkerId == session.WorkerId).ToListAsync();
            var kept = Assert.Single(reservations, r => r.Status != ReservationStatus.Released);
            Assert.Equal(ReservationStatus.Submitted, kept.Status);
            Assert.Equal(session.ReservationId, kept.Id);
        }
    }
}
