using System.Collections.Concurrent;
using System.Net;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace PainBias.Web.Tests.Crowd;

/// <summary>
/// A local stand-in for MTurk's worker site: a page that frames the task as an ExternalQuestion HIT does, and the
/// <c>/mturk/externalSubmit</c> endpoint that receives the finished assignment. Another origin than the task's, as on MTurk.
/// </summary>
public sealed class FakeMTurkWorkerSite : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly TaskCompletionSource<IReadOnlyDictionary<string, string>> firstSubmit = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private FakeMTurkWorkerSite(WebApplication app) => this.app = app;

    public string Origin { get; private set; } = "";

    public ConcurrentQueue<IReadOnlyDictionary<string, string>> Submissions { get; } = new();

    public static async Task<FakeMTurkWorkerSite> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var site = new FakeMTurkWorkerSite(app);
        app.MapGet("/frame", (string src) => Results.Content(
            $"""<!doctype html><html><body><h1>HIT</h1><iframe id="task" src="{HtmlEncoder.Default.Encode(src)}" style="width:100%;height:900px"></iframe></body></html>""",
            "text/html"));
        app.MapPost("/mturk/externalSubmit", async (HttpContext http) =>
        {
            var form = await http.Request.ReadFormAsync();
            var fields = form.ToDictionary(f => f.Key, f => f.Value.ToString());
            site.Submissions.Enqueue(fields);
            site.firstSubmit.TrySetResult(fields);
            return Results.Content("<!doctype html><p id=\"submitted\">Assignment submitted</p>", "text/html");
        }).DisableAntiforgery();
        await app.StartAsync();
        site.Origin = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        return site;
    }

    public string FrameUrl(string taskUrl) => $"{Origin}/frame?src={Uri.EscapeDataString(taskUrl)}";

    /// <summary>The first externalSubmit post, or a failure after <paramref name="timeout"/>.</summary>
    public Task<IReadOnlyDictionary<string, string>> FirstSubmitAsync(TimeSpan timeout) => firstSubmit.Task.WaitAsync(timeout);

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
