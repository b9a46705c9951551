using System.Net;
using Microsoft.EntityFrameworkCore;
using PainBias.Data;
using PainBias.Data.Entities;
using static PainBias.Web.Tests.AssessorTask.TaskTestData;

namespace PainBias.Web.Tests.AssessorTask;

/// <summary>Forged links, tampered posts and stale pages: a clear message, and nothing stored wrongly.</summary>
[Collection(TaskWebCollection.Name)]
public sealed class TaskBadInputTests(TaskWebFixture fixture)
{
    [Fact]
    public async Task A_forged_or_altered_link_is_refused_and_stores_nothing()
    {
        var host = await fixture.HostAsync(DatabaseProvider.Sqlite);
        var seeded = await StudyAsync(host);
        var link = DirectLink(host, seeded.Study.Id);
        var altered = link[..^6] + (link[^6] == 'A' ? 'B' : 'A') + link[^5..];

        foreach (var url in new[] { "/task/not-a-real-token", altered, link[..^10] })
        {
            var page = await Browser(host).OpenAsync(url);
            Assert.Equal(HttpStatusCode.BadRequest, page.Status);
            Assert.Contains("This link is not valid", page.Html);
        }
        await using var db = await host.Database.ContextAsync();
        Assert.False(await db.TaskSessions.AnyAsync(s => s.StudyId == seeded.Study.Id));
    }

    [Fact]
    public async Task Out_of_range_or_missing_values_name_the_field_and_store_nothing()
    {
        var host = await fixture.HostAsync(DatabaseProvider.Sqlite);
        var seeded = await StudyAsync(host);
        var browser = await ToRatingAsync(host, DirectLink(host, seeded.Study.Id));

        var outOfRange = Rating();
        outOfRange["Form.Au4"] = "9";
        outOfRange["Form.Au43"] = "-1";
        await browser.Tab(browser.Client).SubmitAsync(outOfRange).ContinueWith(t => AssertRefused(t.Result, "AU4: the value 9", "AU43: the value -1"));

        var missing = Rating();
        missing["Form.Au6"] = null;
        missing["Form.PerceivedRace"] = null;
        var page = await browser.Tab(browser.Client).SubmitAsync(missing);
        AssertRefused(page, "AU6: please choose an answer", "What race does this person appear to be?: please choose an answer");
        // The page keeps what was already chosen, and the same idempotency key.
        Assert.Contains("value=\"2\" checked", page.Html.Replace("checked=\"\"", "checked"));
        Assert.Equal(TaskBrowser.HiddenFields(browser.Html)["Form.IdempotencyKey"], TaskBrowser.HiddenFields(page.Html)["Form.IdempotencyKey"]);

        await using var db = await host.Database.ContextAsync();
        Assert.False(await db.Assessments.AnyAsync(a => a.StudyId == seeded.Study.Id));
        Assert.Equal(TaskStep.Rating, (await db.TaskSessions.SingleAsync(s => s.Id == browser.SessionId)).Step);
    }

    [Fact]
    public async Task A_variant_not_allocated_to_the_session_cannot_be_rated()
    {
        var host = await fixture.HostAsync(DatabaseProvider.Sqlite);
        var seeded = await StudyAsync(host);
        var browser = await ToRatingAsync(host, DirectLink(host, seeded.Study.Id));
        var mine = Guid.Parse(TaskBrowser.HiddenFields(browser.Html)["Form.VariantId"]);

        var tampered = Rating();
        tampered["Form.VariantId"] = seeded.Variants.First(v => v.Id != mine).Id.ToString();
        AssertRefused(await browser.SubmitAsync(tampered), "This image was not given to you");

        await using var db = await host.Database.ContextAsync();
        Assert.False(await db.Assessments.AnyAsync(a => a.StudyId == seeded.Study.Id));
    }

    [Fact]
    public async Task An_unknown_session_is_refused_with_a_message()
    {
        var host = await fixture.HostAsync(DatabaseProvider.Sqlite);
        var page = await Browser(host).OpenAsync($"/task/s/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains("This task page does not exist", page.Html);
    }

    [Fact]
    public async Task A_rating_after_the_hold_ran_out_is_refused_and_a_new_slot_is_given()
    {
        var host = await fixture.HostAsync(DatabaseProvider.Sqlite);
        var seeded = await StudyAsync(host, faces: 2);
        var browser = await ToRatingAsync(host, DirectLink(host, seeded.Study.Id));
        var first = Guid.Parse(TaskBrowser.HiddenFields(browser.Html)["Form.VariantId"]);

        host.Clock.Advance(TimeSpan.FromMinutes(31));
        try
        {
            AssertRefused(await browser.SubmitAsync(Rating()), "The time to rate this image ran out");
            var next = Guid.Parse(TaskBrowser.HiddenFields(browser.Html)["Form.VariantId"]);
            Assert.NotEqual(seeded.Variants.Single(v => v.Id == first).SourceFaceId, seeded.Variants.Single(v => v.Id == next).SourceFaceId);
            await browser.SubmitAsync(Rating());
            Assert.Contains("Your completion code:", browser.Html);
        }
        finally
        {
            host.Clock.Advance(TimeSpan.FromMinutes(-31));
        }
        await using var db = await host.Database.ContextAsync();
        Assert.Single(await db.Assessments.Where(a => a.StudyId == seeded.Study.Id).ToListAsync());
    }

    private static void AssertRefused(TaskBrowser page, params string[] messages)
    {
        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains("Please check your answers", page.Html);
        foreach (var message in messages)
            Assert.Contains(System.Net.WebUtility.HtmlEncode(message), page.Html);
    }
}
