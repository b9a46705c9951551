using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using PainBias.Data;
using PainBias.Data.Entities;
using PainBias.TestSupport;

namespace PainBias.Web.Tests;

/// <summary>The real web host on a fresh database of either provider, configured only through its settings.</summary>
public sealed partial class PainBiasWebFactory(TestDatabase database, IReadOnlyDictionary<string, string?>? overrides = null, bool ownsDatabase = true)
    : WebApplicationFactory<Program>
{
    public const string AdminEmail = "admin@test.painbias";
    public const string AdminPassword = "Admin-Passw0rd-Test";

    public TestDatabase Database { get; } = database;

    public static async Task<PainBiasWebFactory> CreateAsync(DatabaseProvider provider, IReadOnlyDictionary<string, string?>? overrides = null) =>
        new(await TestDatabase.CreateAsync(provider, migrate: false), overrides);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var settings = new Dictionary<string, string?>(Database.Settings)
        {
            ["Database:MigrateOnStart"] = "true",
            ["Admin:Email"] = AdminEmail,
            ["Admin:Password"] = AdminPassword,
            ["Demo:Seed"] = "false",
            ["Jobs:RunServer"] = "false",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
            settings[key] = value;
        builder.UseEnvironment("Testing");
        // UseSetting, not ConfigureAppConfiguration: Program reads configuration before Build().
        foreach (var (key, value) in settings)
            builder.UseSetting(key, value);
    }

    public HttpClient CreateBrowser() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public async Task<HttpClient> SignInAsync(string email, string password)
    {
        var client = CreateBrowser();
        var response = await SignInResponseAsync(client, email, password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.DoesNotContain("error=", response.Headers.Location!.OriginalString);
        return client;
    }

    public static async Task<HttpResponseMessage> SignInResponseAsync(HttpClient client, string email, string password)
    {
        var token = AntiforgeryToken(await client.GetStringAsync("/account/login"));
        return await client.PostAsync("/account/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = email,
            ["password"] = password,
            ["__RequestVerificationToken"] = token,
        }));
    }

    /// <summary>Creates a researcher account directly through Identity and signs in as them.</summary>
    public async Task<(HttpClient Client, string UserId)> SignInNewResearcherAsync()
    {
        var email = $"r{Guid.NewGuid():N}@test.painbias";
        const string password = "Researcher-Passw0rd";
        string id;
        await using (var scope = Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PainBiasUser>>();
            var user = new PainBiasUser { UserName = email, Email = email, EmailConfirmed = true };
            Assert.True((await users.CreateAsync(user, password)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, Roles.Researcher)).Succeeded);
            id = user.Id;
        }
        return (await SignInAsync(email, password), id);
    }

    /// <summary>The antiforgery token a static form rendered into its page.</summary>
    public static string AntiforgeryToken(string html)
    {
        var token = AntiforgeryField().Match(html).Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(token), "the page carries an antiforgery token");
        return token;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (ownsDatabase)
            await Database.DisposeAsync();
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
