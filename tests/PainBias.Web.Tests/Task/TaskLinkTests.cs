using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PainBias.Core.Domain;
using PainBias.Data;
using PainBias.TestSupport;
using PainBias.Web.Features.AssessorTask;
using PainBias.Web.Hosting;
using static PainBias.Web.Tests.AssessorTask.TaskTestData;

namespace PainBias.Web.Tests.AssessorTask;

/// <summary>Researchers' links (API and handler), and the two languages' completeness.</summary>
[Collection(TaskWebCollection.Name)]
public sealed class TaskLinkTests(TaskWebFixture fixture)
{
    [Fact]
    public async Task The_links_API_needs_a_researcher_and_its_links_start_the_task()
    {
        var host = await fixture.HostAsync(DatabaseProvider.Sqlite);
        var seeded = await StudyAsync(host);
        var anonymous = await host.CreateClient(new() { AllowAutoRedirect = false }).PostAsync($"/api/studies/{seeded.Study.Id}/links?count=2", null);
        Assert.NotEqual(HttpStatusCode.OK, anonymous.StatusCode);

        var admin = await SignInAsAdminAsync(host);
        var response = await admin.PostAsync($"/api/studies/{seeded.Study.Id}/links?count=3&platform=Credamo&lang=zh-CN", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var links = (await response.Content.ReadFromJsonAsync<TaskEndpoints.CreatedLinks>())!.Links;
        Assert.Equal(3, links.Distinct().Count());
        var page = await Browser(host).OpenAsync(new Uri(links[0]).PathAndQuery);
        Assert.Contains("知情同意", page.Html);

        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsync($"/api/studies/{seeded.Study.Id}/links?count=0", null)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsync($"/api/studies/{seeded.Study.Id}/links?platform=MTurk", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync($"/api/studies/{Guid.NewGuid()}/links", null)).StatusCode);
    }

    [Fact]
    public async Task The_session_address_alone_does_not_open_another_browsers_task()
    {
        var host = await fixture.HostAsync(DatabaseProvider.Sqlite);
        var seeded = await StudyAsync(host);
        var browser = await ToRatingAsync(host, DirectLink(host, seeded.Study.Id));
        var address = $"/task/s/{browser.SessionId}";

        // Someone handed the address bar's URL: no step, no form.
        var other = await Browser(host).OpenAsync(address);
        Assert.Equal(HttpStatusCode.Forbidden, other.Status);
        Assert.Contains("started in another browser", other.Html);
        Assert.DoesNotContain("Form.IdempotencyKey", other.Html);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.GetAsync($"{address}/image")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.Client.GetAsync($"{address}/image")).StatusCode);
        // Posting the assessor's own page from another browser stores nothing.
        var posted = await browser.Tab(host.CreateClient()).SubmitAsync(Rating());
        Assert.NotEqual(HttpStatusCode.OK, posted.Status);
        await using (var db = await host.Database.ContextAsync())
            Assert.False(await db.Assessments.AnyAsync(a => a.StudyId == seeded.Study.Id));

        // The assessor's browser goes on to the end.
        await browser.SubmitAsync(Rating());
        await using (var db = await host.Database.ContextAsync())
        {
            var session = await db.TaskSessions.SingleAsync(s => s.Id == browser.SessionId);
            Assert.Equal(Data.Entities.TaskStep.Completed, session.Step);
            Assert.Contains(session.CompletionCode!, browser.Html);
        }

        // MTurk's frame cannot keep cookies: there the HIT's assignment binds the worker, and the address is enough.
        var mturk = await Browser(host).OpenAsync($"/task/mturk/{seeded.Study.Id}?assignmentId=A9&hitId=HIT1&workerId=W9&turkSubmitTo=https%3A%2F%2Fworkersandbox.mturk.com");
        Assert.Equal(HttpStatusCode.OK, (await Browser(host).OpenAsync($"/task/s/{mturk.SessionId}")).Status);
    }

    [Fact]
    public async Task A_researcher_gets_links_only_for_their_own_studies()
    {
        var host = await fixture.HostAsync(DatabaseProvider.Sqlite);
        var seeded = await StudyAsync(host);
        await using var scope = host.Services.CreateAsyncScope();
        var handler = scope.ServiceProvider.GetRequiredService<CreateTaskLinks.Handler>();
        var command = new CreateTaskLinks.Command(seeded.Study.Id, 2, Platform.Direct, "en", "https://painbias.example");

        Assert.Null(await handler.HandleAsync(command, new Actor("someone-else", IsAdmin: false), CancellationToken.None));
        var own = await handler.HandleAsync(command, new Actor(seeded.Study.OwnerId, IsAdmin: false), CancellationToken.None);
        Assert.All(own!, link => Assert.StartsWith("https://painbias.example/task/", link));
    }

    [Fact]
    public async Task A_researchers_preview_runs_the_whole_task_and_its_rating_never_counts()
    {
        var host = await fixture.HostAsync(DatabaseProvider.Sqlite);
        var seeded = await StudyAsync(host);
        await using var scope = host.Services.CreateAsyncScope();
        var preview = (await scope.ServiceProvider.GetRequiredService<CreateTaskLinks.Handler>().HandleAsync(
            new CreateTaskLinks.Command(seeded.Study.Id, 1, Platform.Direct, "zh-CN", "http://localhost", Preview: true),
            new Actor(seeded.Study.OwnerId, IsAdmin: false), CancellationToken.None))!.Single();

        var browser = await ToRatingAsync(host, new Uri(preview).PathAndQuery);
        Assert.Contains("预览", browser.Html);
        await browser.SubmitAsync(Rating());
        Assert.Contains("您的完成码", browser.Html);

        await using var db = await host.Database.ContextAsync();
        var assessment = await db.Assessments.SingleAsync(a => a.StudyId == seeded.Study.Id);
        Assert.False(assessment.Included);
        // Rating()'s race and age answers need not match the variant drawn: that is a report-only flag.
        Assert.Equal(ExclusionReason.Preview, assessment.ExclusionReasons & ~ExclusionReason.ManipulationCheckFailed);
    }

    [Fact]
    public void Every_task_string_exists_in_English_and_Chinese()
    {
        var resources = new ResourceManager("PainBias.Web.Resources.TaskText", typeof(TaskLinks).Assembly);
        var english = Keys(resources.GetResourceSet(CultureInfo.InvariantCulture, true, false)!);
        var chinese = Keys(resources.GetResourceSet(CultureInfo.GetCultureInfo("zh-CN"), true, false)!);
        Assert.NotEmpty(english);
        Assert.Equal(english.Keys.Order(), chinese.Keys.Order());
        Assert.All(english, e => Assert.NotEqual(e.Value, chinese[e.Key]));

        static Dictionary<string, string> Keys(ResourceSet set) =>
            set.Cast<System.Collections.DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string)e.Value!);
    }
}
