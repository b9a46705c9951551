using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PainBias.Crowd.Tests.MTurk;
using PainBias.Data;
using PainBias.Data.Entities;
using PainBias.TestSupport;
using PainBias.Web.Tests.AssessorTask;

namespace PainBias.Web.Tests.Crowd;

/// <summary>
/// The task inside a stand-in MTurk worker page, in Debian's Chromium: the frame (another origin) runs the whole task and
/// its last page posts the assignment to {turkSubmitTo}/mturk/externalSubmit; the preview never takes a slot; the
/// new-tab fallback ends with a code that, typed back into the frame, submits the assignment.
/// </summary>
[Collection(TaskWebCollection.Name)]
public sealed class MTurkFramedTaskTests : IAsyncLifetime
{
    private const string Chromium = "/usr/bin/chromium";

    private TestDatabase database = default!;
    private FakeMTurkServer api = default!;
    private FakeMTurkWorkerSite site = default!;
    private MTurkWebFactory host = default!;
    private IPlaywright playwright = default!;
    private IBrowser browser = default!;
    private string baseUrl = "";

    public async Task InitializeAsync()
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: run the suite with scripts/test.sh, or apt-get install chromium.");
        database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        api = await FakeMTurkServer.StartAsync();
        site = await FakeMTurkWorkerSite.StartAsync();
        host = new MTurkWebFactory(database, api, site.Origin);
        host.UseKestrel(0);
        host.StartServer();
        baseUrl = host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Chromium, Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
        });
    }

    public async Task DisposeAsync()
    {
        if (browser is not null)
            await browser.DisposeAsync();
        playwright?.Dispose();
        if (host is not null)
            await host.DisposeAsync();
        if (site is not null)
            await site.DisposeAsync();
        if (api is not null)
            await api.DisposeAsync();
        if (database is not null)
            await database.DisposeAsync();
    }

    [Fact]
    public async Task A_worker_completes_the_task_inside_the_frame_and_the_assignment_is_posted_to_externalSubmit()
    {
        var studyId = await StudyAsync();
        var page = await browser.NewPageAsync();
        await page.GotoAsync(site.FrameUrl(TaskUrl(studyId, "ASSIGNFRAMED1", "WORKERFRAMED1")));
        var frame = page.FrameLocator("#task");

        await frame.Locator("button[value=yes]").ClickAsync();
        await Assertions.Expect(frame.Locator("img[src='/task/au43.svg']")).ToBeVisibleAsync();
        await frame.Locator("form.task-form button[type=submit]").ClickAsync();
        await AnswerEverythingAsync(frame);
        await frame.Locator("form.task-form button[type=submit]").ClickAsync();

        var submitted = await site.FirstSubmitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal("ASSIGNFRAMED1", submitted["assignmentId"]);
        await Assertions.Expect(frame.Locator("#submitted")).ToBeVisibleAsync();
        await using var db = await database.ContextAsync();
        var session = await db.TaskSessions.SingleAsync(s => s.AssignmentId == "ASSIGNFRAMED1");
        Assert.Equal(TaskStep.Completed, session.Step);
        Assert.Equal(session.CompletionCode, submitted["completionCode"]);
        Assert.Single(site.Submissions);
    }

    [Fact]
    public async Task The_preview_inside_the_frame_describes_the_task_and_never_allocates()
    {
        var studyId = await StudyAsync();
        var page = await browser.NewPageAsync();
        await page.GotoAsync(site.FrameUrl($"{baseUrl}/task/mturk/{studyId}?assignmentId=ASSIGNMENT_ID_NOT_AVAILABLE&hitId=HITPREVIEW"));
        var frame = page.FrameLocator("#task");

        await Assertions.Expect(frame.Locator("h1")).ToHaveTextAsync("Rate the pain you see in a face");
        await Assertions.Expect(frame.Locator("img[src='/task/au4.svg']")).ToBeVisibleAsync();
        // Reloading the preview (workers do) changes nothing either.
        await page.ReloadAsync();
        await Assertions.Expect(page.FrameLocator("#task").Locator("h1")).ToHaveTextAsync("Rate the pain you see in a face");

        await using var db = await database.ContextAsync();
        Assert.Equal(0, await db.Reservations.CountAsync(r => r.StudyId == studyId));
        Assert.Equal(0, await db.TaskSessions.CountAsync(s => s.StudyId == studyId));
        Assert.Equal(0, await db.Workers.CountAsync());
        Assert.Empty(site.Submissions);
    }

    [Fact]
    public async Task The_new_tab_fallback_ends_with_a_code_that_submits_the_assignment_from_the_frame()
    {
        var studyId = await StudyAsync();
        var page = await browser.NewPageAsync();
        await page.GotoAsync(site.FrameUrl(TaskUrl(studyId, "ASSIGNTAB1", "WORKERTAB1")));
        var frame = page.FrameLocator("#task");
        await Assertions.Expect(frame.Locator("#mturk-new-tab")).ToBeVisibleAsync();

        var tab = await page.RunAndWaitForPopupAsync(() => frame.Locator("#mturk-new-tab").ClickAsync());
        // In its own tab the task shows no fallback box of its own.
        await Assertions.Expect(tab.Locator(".task-mturk-fallback")).ToBeHiddenAsync();
        await tab.ClickAsync("button[value=yes]");

        // A code typed into the frame before the task is finished sends nothing.
        await frame.Locator("#mturk-code-input").FillAsync("NOTACODE");
        await frame.Locator("#mturk-code button[type=submit]").ClickAsync();
        await Assertions.Expect(frame.Locator(".task-mturk-fallback [role=alert]")).ToBeVisibleAsync();
        Assert.Empty(site.Submissions);

        await tab.ClickAsync("form.task-form button[type=submit]");
        await AnswerEverythingAsync(tab.Locator("body"));
        await tab.ClickAsync("form.task-form button[type=submit]");
        var code = (await tab.Locator("#completion-code").TextContentAsync())!.Trim();
        await Assertions.Expect(tab.Locator("#mturk-tab-help")).ToBeVisibleAsync();
        Assert.Empty(site.Submissions); // a tab does not send itself: the frame does

        await frame.Locator("#mturk-code-input").FillAsync(code);
        await frame.Locator("#mturk-code button[type=submit]").ClickAsync();

        // The frame reloads on the session, finished now: it posts the assignment as in the framed flow.
        var submitted = await site.FirstSubmitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal("ASSIGNTAB1", submitted["assignmentId"]);
        Assert.Equal(code, submitted["completionCode"]);
    }

    private string TaskUrl(Guid studyId, string assignmentId, string workerId) =>
        $"{baseUrl}/task/mturk/{studyId}?assignmentId={assignmentId}&hitId=HITFRAMED&workerId={workerId}&turkSubmitTo={Uri.EscapeDataString(site.Origin)}";

    private async Task<Guid> StudyAsync()
    {
        await using var db = await database.ContextAsync();
        var owner = await TestData.AddUserAsync(db, $"owner-{Guid.NewGuid():N}@example.org");
        var seeded = await TestData.AddStudyAsync(db, owner.Id, faces: 2);
        var study = await db.Studies.SingleAsync(s => s.Id == seeded.Study.Id);
        study.MinSecondsPerRating = 0;
        await db.SaveChangesAsync();
        return study.Id;
    }

    /// <summary>AU4=2, AU6=1, AU7=3, AU9=0, AU10=4, eyes closed (PSPI 10), and the checks, clicked on their labels.</summary>
    private static async Task AnswerEverythingAsync(IFrameLocator frame) => await AnswerEverythingAsync(frame.Locator("body"));

    private static async Task AnswerEverythingAsync(ILocator body)
    {
        foreach (var id in new[] { "Au4-2", "Au6-1", "Au7-3", "Au9-0", "Au10-4", "Au43-1", "Attention-slightly", "PerceivedRace-B", "PerceivedAge-Young", "LooksEdited-no" })
            await body.Locator($"label[for='{id}']").ClickAsync();
    }
}
