using System.Net;
using Microsoft.Extensions.DependencyInjection;
using PainBias.Data;
using PainBias.TestSupport;
using PainBias.Web.Hosting;

namespace PainBias.Web.Tests;

public class HostTests
{
    public static TheoryData<DatabaseProvider> Providers => TestSupport.TestDatabase.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Health_endpoint_reports_a_healthy_database(DatabaseProvider provider)
    {
        await using var factory = await PainBiasWebFactory.CreateAsync(provider);
        var response = await factory.CreateBrowser().GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Jobs_dashboard_is_for_admins_only()
    {
        await using var factory = await PainBiasWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        var anonymous = await factory.CreateBrowser().GetAsync("/jobs");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/account/login", anonymous.Headers.Location!.AbsolutePath);

        var (researcher, _) = await factory.SignInNewResearcherAsync();
        var denied = await researcher.GetAsync("/jobs");
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.StartsWith("/account/denied", denied.Headers.Location!.AbsolutePath);

        var admin = await factory.SignInAsync(PainBiasWebFactory.AdminEmail, PainBiasWebFactory.AdminPassword);
        var dashboard = await admin.GetAsync("/jobs");
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        Assert.Contains("PainBias jobs", await dashboard.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Wrong_password_is_refused_and_nothing_is_signed_in()
    {
        await using var factory = await PainBiasWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        var client = factory.CreateBrowser();
        var response = await PainBiasWebFactory.SignInResponseAsync(client, PainBiasWebFactory.AdminEmail, "not-the-password");
        Assert.Contains("error=invalid", response.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/studies")).StatusCode);
    }

    [Fact]
    public async Task Without_a_configured_password_the_first_admin_gets_a_one_time_password_to_replace_at_first_sign_in()
    {
        await using var factory = await PainBiasWebFactory.CreateAsync(DatabaseProvider.Sqlite,
            new Dictionary<string, string?> { ["Admin:Password"] = "" });
        factory.CreateBrowser(); // starts the host, which seeds the admin
        var login = factory.Services.GetRequiredService<AdminLogin>();
        Assert.Equal(PainBiasWebFactory.AdminEmail, login.Email);
        Assert.NotNull(login.OneTimePassword);
        Assert.True(login.OneTimePassword.Length >= 16);

        var client = factory.CreateBrowser();
        var signIn = await PainBiasWebFactory.SignInResponseAsync(client, PainBiasWebFactory.AdminEmail, login.OneTimePassword);
        Assert.Equal("/account/password", signIn.Headers.Location!.OriginalString);

        var token = PainBiasWebFactory.AntiforgeryToken(await client.GetStringAsync("/account/password"));
        var weak = await client.PostAsync("/account/password", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["current"] = login.OneTimePassword, ["next"] = "short", ["__RequestVerificationToken"] = token,
        }));
        Assert.StartsWith("/account/password?error=", weak.Headers.Location!.OriginalString);

        const string chosen = "My-Own-Passw0rd";
        var changed = await client.PostAsync("/account/password", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["current"] = login.OneTimePassword, ["next"] = chosen, ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal("/studies", changed.Headers.Location!.OriginalString);

        var again = factory.CreateBrowser();
        Assert.Equal("/studies", (await PainBiasWebFactory.SignInResponseAsync(again, PainBiasWebFactory.AdminEmail, chosen)).Headers.Location!.OriginalString);
        Assert.Contains("error=invalid", (await PainBiasWebFactory.SignInResponseAsync(factory.CreateBrowser(), PainBiasWebFactory.AdminEmail, login.OneTimePassword)).Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task An_unreachable_PostgreSQL_server_fails_at_start_naming_the_setting()
    {
        await using var host = HostProcess.Start("PainBias.Web", new Dictionary<string, string>
        {
            ["ConnectionStrings__PainBias"] = "Host=127.0.0.1;Port=1;Database=painbias;Username=painbias;Password=hunter22;Timeout=2",
            ["Urls"] = $"http://127.0.0.1:{HostProcess.FreePort()}",
        });
        Assert.Equal(1, await host.WaitForExitAsync(TimeSpan.FromMinutes(2)));
        Assert.Contains("ConnectionStrings__PainBias", host.Output);
        Assert.DoesNotContain("hunter22", host.Output);
    }

    [Fact]
    public async Task The_compose_migrator_command_migrates_PostgreSQL_and_exits()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres, migrate: false);
        await using var host = HostProcess.Start("PainBias.Web", new Dictionary<string, string>
        {
            ["ConnectionStrings__PainBias"] = database.Resolved.ConnectionString,
            ["Admin__Password"] = PainBiasWebFactory.AdminPassword,
        }, "--migrate-only");
        Assert.True(await host.WaitForExitAsync(TimeSpan.FromMinutes(2)) == 0, host.Output);
        await using var db = await database.ContextAsync();
        Assert.Empty(await Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.GetPendingMigrationsAsync(db.Database));
        Assert.Single(db.Users);
    }
}
