using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PainBias.Core.Domain;
using PainBias.Data;
using PainBias.Data.Entities;
using PainBias.TestSupport;
using PainBias.Web.Tests.AssessorTask;

namespace PainBias.Web.Tests.Dashboard;

/// <summary>
/// The dashboard in a real browser updates without a reload when a rating is stored: on PostgreSQL the rating is written
/// through another service provider (another node), so it can only arrive through NOTIFY and this host's LISTEN loop;
/// embedded, through the host itself (in-process). In the task collection so that hosts start one at a time (the host's bootstrap logger is process-wide).
/// </summary>
[Collection(TaskWebCollection.Name)]
public sealed class DashboardLiveTests
{
    private const string Chromium = "/usr/bin/chromium";
    private const string Password = "Researcher-Passw0rd";

    [Theory]
    [InlineData(DatabaseProvider.Postgres)]
    [InlineData(DatabaseProvider.Sqlite)]
    public async Task A_rating_stored_on_another_node_shows_on_the_open_dashboard_without_a_reload(DatabaseProvider provider)
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: run the suite with scripts/test.sh, or apt-get install chromium.");
        await using var host = await PainBiasWebFactory.CreateAsync(provider);
        // The "Testing" environment leaves static web assets (blazor.web.js, MudBlazor) off; a live page needs them.
        await using var node = host.WithWebHostBuilder(b => b.UseStaticWebAssets());
        node.UseKestrel(0);
        node.StartServer();
        var baseUrl = node.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var email = $"live{Guid.NewGuid():N}@test.painbias";
        string ownerId;
        await using (var scope = node.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PainBiasUser>>();
            var user = new PainBiasUser { UserName = email, Email = email, EmailConfirmed = true };
            Assert.True((await users.CreateAsync(user, Password)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, Roles.Researcher)).Succeeded);
            ownerId = user.Id;
        }
        Study study;
        await using (var db = await host.Database.ContextAsync())
            study = await FixtureStudy.LoadAsync(db, ownerId, "small.csv");

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Chromium, Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
        });
        var page = await browser.NewPageAsync();
        await page.GotoAsync($"{baseUrl}/account/login?returnUrl=/studies/{study.Id}/dashboard");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", Password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync($"**/studies/{study.Id}/dashboard");
        await Assertions.Expect(page.GetByText("ratings submitted 120")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        // Wait until the live circuit has subscribed (before it, a new rating would simply be loaded, not pushed);
        // then mark the document: a reload would lose the mark.
        await Assertions.Expect(page.Locator("[data-testid=live]")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await page.EvaluateAsync("() => { window.__stillTheSamePage = true; }");

        // PostgreSQL: another node stores the rating (the test database's own service provider, not the host's).
        // Embedded there is one process, so the rating is stored through the host's own services.
        var writer = provider == DatabaseProvider.Postgres
            ? host.Database.Contexts
            : node.Services.GetRequiredService<IDbContextFactory<PainBiasDbContext>>();
        await using (var db = await writer.CreateDbContextAsync())
        {
            var variant = db.Variants.First(v => v.StudyId == study.Id);
            TestRatings.Add(db, variant, TestData.AddWorker(db), AuRating.Create(1, 1, 1, 1, 1, 0), DateTime.UtcNow);
            await db.SaveChangesAsync();
        }

        await Assertions.Expect(page.GetByText("ratings submitted 121")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        Assert.True(await page.EvaluateAsync<bool>("() => window.__stillTheSamePage === true"));
    }
}
