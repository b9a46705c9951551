using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using PainBias.Crowd.Tests.MTurk;
using PainBias.TestSupport;

namespace PainBias.Web.Tests.Crowd;

/// <summary>
/// The real web host whose MTurk client talks to the stand-in API and whose task accepts a local stand-in worker site
/// (frame-ancestors and turkSubmitTo), configured only through settings.
/// </summary>
public sealed class MTurkWebFactory(TestDatabase database, FakeMTurkServer api, string workerSite, string? secretAccessKey = FakeMTurkServer.SecretAccessKey)
    : WebApplicationFactory<Program>
{
    public TestDatabase Database => database;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in database.Settings)
            builder.UseSetting(key, value);
        builder.UseSetting("Demo:Seed", "false");
        builder.UseSetting("Jobs:RunServer", "false");
        builder.UseSetting("Admin:Password", "Crowd-tests-admin-2026");
        builder.UseSetting("Task:MTurkWorkerSites:0", workerSite);
        builder.UseSetting("MTurk:Endpoint", api.Endpoint.ToString());
        builder.UseSetting("MTurk:AccessKeyId", FakeMTurkServer.AccessKeyId);
        builder.UseSetting("MTurk:SecretAccessKey", secretAccessKey);
        builder.UseSetting("MTurk:BaseDelay", "00:00:00.001");
        builder.UseSetting("MTurk:MaxDelay", "00:00:00.010");
    }
}
