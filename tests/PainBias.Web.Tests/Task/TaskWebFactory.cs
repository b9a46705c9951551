using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using PainBias.TestSupport;

namespace PainBias.Web.Tests.AssessorTask;

/// <summary>The real web host on a fresh test database, with a clock the tests can move, no demo data and no job server.</summary>
public sealed class TaskWebFactory(TestDatabase database) : WebApplicationFactory<Program>
{
    public TestDatabase Database => database;

    /// <summary>Where tests put a client's network address (the setting a host behind a proxy uses).</summary>
    public const string ClientAddressHeader = "X-Test-Client-Address";

    public TestClock Clock { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in database.Settings)
            builder.UseSetting(key, value);
        builder.UseSetting("Demo:Seed", "false");
        builder.UseSetting("Jobs:RunServer", "false");
        builder.UseSetting("Admin:Password", "Task-tests-admin-2026");
        builder.UseSetting("Task:ClientAddressHeader", ClientAddressHeader);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}

/// <summary>Real time plus an offset the tests can add to (a hold that runs out, a rating that took long enough).</summary>
public sealed class TestClock : TimeProvider
{
    private TimeSpan offset;

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + offset;

    public void Advance(TimeSpan by) => offset += by;
}
