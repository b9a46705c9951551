using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PainBias.Data;
using PainBias.Data.Entities;
using PainBias.Web.Features.AssessorTask;
using PainBias.Web.Hosting;
using static PainBias.Web.Tests.AssessorTask.TaskTestData;

namespace PainBias.Web.Tests.AssessorTask;

/// <summary>Screening on gold faces with expert codes and tolerances, plus a comprehension question.</summary>
[Collection(TaskWebCollection.Name)]
public sealed class TaskScreeningTests(TaskWebFixture fixture)
{
    [Fact]
    public async Task Answers_within_tolerance_and_the_right_comprehension_answer_lead_to_rating()
    {
        var (host, seeded) = await StudyWithGoldAsync();
        var browser = await ToScreeningAsync(host, seeded.Study.Id);
        Assert.Contains("Image 1 of 2", browser.Html);
        Assert.DoesNotContain("Which movement means that the eyes are closed?", browser.Html);
        Assert.Equal(HttpStatusCode.OK, (await browser.Client.GetAsync($"/task/s/{browser.SessionId}/gold")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.Client.GetAsync($"/task/s/{browser.SessionId}/image")).StatusCode);

        await browser.SubmitAsync(Aus(3, 1, 2, 0, 4, 1)); // each within 1 of the expert's 2, 1, 3, 0, 4, 1
        Assert.Contains("Image 2 of 2", browser.Html);
        var missing = await browser.Tab(browser.Client).SubmitAsync(Aus(0, 0, 0, 0, 0, 0));
        Assert.Contains("Which movement means that the eyes are closed?: please choose an answer", missing.Html);

        await browser.SubmitAsync(Aus(0, 0, 0, 0, 0, 0, comprehension: "Au43"));
        Assert.Contains("Rate this face", browser.Html);
        await browser.SubmitAsync(Rating());
        Assert.Contains("Your completion code:", browser.Html);
    }

    [Theory]
    [InlineData(1, "Au43")] // AU4 two steps from the expert on the first face
    [InlineData(2, "Au9")]  // every face right, the comprehension question wrong
    public async Task A_failed_screening_ends_politely_is_recorded_and_cannot_be_retried(int firstAu4, string comprehension)
    {
        var (host, seeded) = await StudyWithGoldAsync();
        var link = DirectLink(host, seeded.Study.Id);
        var browser = await ToScreeningAsync(host, seeded.Study.Id, link);
        await browser.SubmitAsync(Aus(firstAu4 == 1 ? 4 : 2, 1, 3, 0, 4, 1));
        await browser.SubmitAsync(Aus(0, 0, 0, 0, 0, 0, comprehension));
        Assert.Contains("Thank you for your time", browser.Html);

        var again = await Browser(host).OpenAsync(link);
        Assert.Contains("You cannot take this study again", again.Html);
        await using var db = await host.Database.ContextAsync();
        var session = await db.TaskSessions.SingleAsync(s => s.Id == browser.SessionId);
        Assert.Equal(TaskStep.ScreeningFailed, session.Step);
        Assert.Equal(comprehension == "Au43", session.ComprehensionPassed);
        Assert.False(await db.Reservations.AnyAsync(r => r.StudyId == seeded.Study.Id));
    }

    [Fact]
    public async Task The_gold_API_checks_the_codes_and_the_image()
    {
        var host = await fixture.HostAsync(DatabaseProvider.Sqlite);
        var seeded = await StudyAsync(host);
        var admin = await SignInAsAdminAsync(host);
        var url = $"/api/studies/{seeded.Study.Id}/gold";
        var good = new TaskEndpoints.GoldCodes(seeded.Variants[0].Id, 2, 1, 3, 0, 4, 1);
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync(url, good)).StatusCode);
        var bad = await admin.PostAsJsonAsync(url, good with { Au4 = 7 });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("au4", await bad.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsJsonAsync(url, good with { VariantId = Guid.NewGuid() })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsJsonAsync($"/api/studies/{Guid.NewGuid()}/gold", good)).StatusCode);
    }

    private async Task<(TaskWebFactory Host, PainBias.TestSupport.TestData.SeededStudy Seeded)> StudyWithGoldAsync()
    {
        var host = await fixture.HostAsync(DatabaseProvider.Sqlite);
        var seeded = await StudyAsync(host);
        await using var scope = host.Services.CreateAsyncScope();
        var handler = scope.ServiceProvider.GetRequiredService<AddGoldItem.Handler>();
        var owner = new Actor(seeded.Study.OwnerId, IsAdmin: false);
        foreach (var command in new[]
                 {
                     new AddGoldItem.Command(seeded.Study.Id, seeded.Variants[0].Id, 2, 1, 3, 0, 4, 1, Tolerance: 1),
                     new AddGoldItem.Command(seeded.Study.Id, seeded.Variants[5].Id, 0, 0, 0, 0, 0, 0, Tolerance: 0),
                 })
        {
            var (id, errors) = await handler.HandleAsync(command, owner, CancellationToken.None);
            Assert.Empty(errors);
            Assert.NotNull(id);
        }
        return (host, seeded);
    }

    private static async Task<TaskBrowser> ToScreeningAsync(TaskWebFactory host, Guid studyId, string? link = null)
    {
        var browser = Browser(host);
        await browser.OpenAsync(link ?? DirectLink(host, studyId));
        await browser.SubmitAsync(new Dictionary<string, string?> { ["Form.Consent"] = "yes" });
        await browser.SubmitAsync();
        Assert.Contains("Check your understanding", browser.Html);
        return browser;
    }

    private static Dictionary<string, string?> Aus(int au4, int au6, int au7, int au9, int au10, int au43, string? comprehension = null) => new()
    {
        ["Form.Au4"] = $"{au4}", ["Form.Au6"] = $"{au6}", ["Form.Au7"] = $"{au7}", ["Form.Au9"] = $"{au9}", ["Form.Au10"] = $"{au10}",
        ["Form.Au43"] = $"{au43}", ["Form.Comprehension"] = comprehension,
    };
}
