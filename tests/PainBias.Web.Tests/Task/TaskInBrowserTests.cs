using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PainBias.Data;
using PainBias.TestSupport;
using PainBias.Web.Features.AssessorTask;
using PainBias.Web.Hosting;
using static PainBias.Web.Tests.AssessorTask.TaskTestData;

namespace PainBias.Web.Tests.AssessorTask;

/// <summary>
/// The task in a real browser (Debian's Chromium, headless) on a phone-sized screen: the whole flow in English and in
/// Chinese, a failed screening, and a refresh in the middle of a rating. scripts/test.sh installs Chromium when it is missing.
/// In the task collection so that hosts start one at a time (the host's bootstrap logger is process-wide).
/// </summary>
[Collection(TaskWebCollection.Name)]
public sealed class TaskInBrowserTests : IAsyncLifetime
{
    private const string Chromium = "/usr/bin/chromium";

    private TestDatabase database = default!;
    private TaskWebFactory host = default!;
    private IPlaywright playwright = default!;
    private IBrowser browser = default!;
    private string baseUrl = "";

    public async Task InitializeAsync()
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: run the suite with scripts/test.sh, or apt-get install chromium.");
        database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        host = new TaskWebFactory(database);
        host.UseKestrel(0);
        host.StartServer();
        baseUrl = host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
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
        if (database is not null)
            await database.DisposeAsync();
    }

    [Theory]
    [InlineData("en", "Information and consent", "Your completion code:")]
    [InlineData("zh-CN", "知情同意", "您的完成码：")]
    public async Task An_assessor_completes_the_task_on_a_phone(string culture, string consentHeading, string doneText)
    {
        var seeded = await StudyAsync(host);
        var page = await PhoneAsync();
        await page.GotoAsync(baseUrl + DirectLink(host, seeded.Study.Id, culture));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(consentHeading);

        await page.ClickAsync("button[value=yes]");
        await Assertions.Expect(page.Locator("img[src='/task/au43.svg']")).ToBeVisibleAsync();
        await page.ClickAsync("button[type=submit]");
        await AnswerEverythingAsync(page);
        await FitsTheScreenAsync(page);
        // The honeypot is laid out off-screen: a person never sees or fills it.
        var honeypot = await page.Locator("input[name='Form.Website']").BoundingBoxAsync();
        Assert.True(honeypot is null || honeypot.X + honeypot.Width <= 0, $"the honeypot is on screen at x={honeypot?.X}");
        await page.ClickAsync("button[type=submit]");

        await Assertions.Expect(page.Locator("p", new() { HasTextString = doneText })).ToBeVisibleAsync();
        var code = (await page.Locator("#completion-code").TextContentAsync())!.Trim();
        await using var db = await database.ContextAsync();
        Assert.Equal(code, (await db.TaskSessions.SingleAsync(s => s.StudyId == seeded.Study.Id)).CompletionCode);
        var stored = await db.Assessments.SingleAsync(a => a.StudyId == seeded.Study.Id);
        Assert.Equal(10, stored.Pspi);
        Assert.Equal(0, (int)(stored.ExclusionReasons & PainBias.Core.Domain.ExclusionReason.Honeypot));
    }

    [Fact]
    public async Task A_refresh_in_the_middle_of_a_rating_keeps_the_step_and_the_face()
    {
        var seeded = await StudyAsync(host);
        var page = await PhoneAsync();
        await page.GotoAsync(baseUrl + DirectLink(host, seeded.Study.Id));
        await page.ClickAsync("button[value=yes]");
        await page.ClickAsync("button[type=submit]");
        var variant = await page.InputValueAsync("input[name='Form.VariantId']");
        await page.ClickAsync("label[for='Au4-3']");

        await page.ReloadAsync();
        Assert.Equal(variant, await page.InputValueAsync("input[name='Form.VariantId']"));
        await Assertions.Expect(page.Locator("img.task-face")).ToBeVisibleAsync();
        await AnswerEverythingAsync(page);
        await page.ClickAsync("button[type=submit]");
        await Assertions.Expect(page.Locator("#completion-code")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task An_assessor_who_fails_the_screening_sees_a_polite_end_in_Chinese()
    {
        var seeded = await StudyAsync(host);
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var (_, errors) = await scope.ServiceProvider.GetRequiredService<AddGoldItem.Handler>().HandleAsync(
                new AddGoldItem.Command(seeded.Study.Id, seeded.Variants[0].Id, 0, 0, 0, 0, 0, 0, Tolerance: 0),
                new Actor(seeded.Study.OwnerId, IsAdmin: false), CancellationToken.None);
            Assert.Empty(errors);
        }
        var page = await PhoneAsync();
        await page.GotoAsync(baseUrl + DirectLink(host, seeded.Study.Id, "zh-CN"));
        await page.ClickAsync("button[value=yes]");
        await page.ClickAsync("button[type=submit]");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("理解测试");
        foreach (var id in new[] { "Au4-5", "Au6-5", "Au7-5", "Au9-5", "Au10-5", "Au43-1", "Comprehension-Au4" })
            await page.Locator($"label[for='{id}']").TapAsync();
        await FitsTheScreenAsync(page);
        await page.ClickAsync("button[type=submit]");

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("感谢您的参与");
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("感谢您的参与");
    }

    private async Task<IPage> PhoneAsync()
    {
        var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 360, Height = 740 }, IsMobile = true, HasTouch = true });
        return await context.NewPageAsync();
    }

    /// <summary>Taps the labels, as a person would: AU4=2, AU6=1, AU7=3, AU9=0, AU10=4, eyes closed (PSPI 10), and the checks.</summary>
    private static async Task AnswerEverythingAsync(IPage page)
    {
        foreach (var id in new[] { "Au4-2", "Au6-1", "Au7-3", "Au9-0", "Au10-4", "Au43-1", "Attention-slightly", "PerceivedRace-B", "PerceivedAge-Young", "LooksEdited-no" })
            await page.Locator($"label[for='{id}']").TapAsync();
    }

    private static async Task FitsTheScreenAsync(IPage page) =>
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"),
            "The task page scrolls sideways on a 360-px phone.");
}
