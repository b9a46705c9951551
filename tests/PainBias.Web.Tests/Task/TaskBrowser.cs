using System.Net;
using System.Text.RegularExpressions;

namespace PainBias.Web.Tests.AssessorTask;

/// <summary>
/// What a browser without scripts does with the task: follows redirects, reads the hidden fields of the rendered form
/// and posts it back with the assessor's choices. Tests post only what a page offered, plus deliberate tampering.
/// </summary>
public sealed partial class TaskBrowser(HttpClient client)
{
    public HttpClient Client => client;

    public string? Url { get; private set; }
    public string Html { get; private set; } = "";
    public HttpStatusCode Status { get; private set; }

    public async Task<TaskBrowser> OpenAsync(string url)
    {
        var response = await client.GetAsync(url);
        await ReadAsync(response);
        return this;
    }

    /// <summary>Posts the page's form: its hidden fields, overridden or extended by <paramref name="fields"/>.</summary>
    public async Task<TaskBrowser> SubmitAsync(IDictionary<string, string?>? fields = null)
    {
        var form = HiddenFields(Html);
        foreach (var (name, value) in fields ?? new Dictionary<string, string?>())
        {
            if (value is null)
                form.Remove(name);
            else
                form[name] = value;
        }
        var response = await client.PostAsync(Url, new FormUrlEncodedContent(form));
        await ReadAsync(response);
        return this;
    }

    /// <summary>The same page open in another tab (its own client): for double clicks and stale pages.</summary>
    public TaskBrowser Tab(HttpClient other) => new(other) { Url = Url, Html = Html, Status = Status };

    public Guid SessionId => Guid.Parse(SessionPath().Match(Url ?? "").Groups[1].Value);

    public static Dictionary<string, string> HiddenFields(string html) =>
        InputTag().Matches(html)
            .Select(m => m.Value)
            .Where(tag => Attribute(tag, "type") == "hidden" && Attribute(tag, "name") is not null)
            .ToDictionary(tag => Attribute(tag, "name")!, tag => WebUtility.HtmlDecode(Attribute(tag, "value") ?? ""));

    private async Task ReadAsync(HttpResponseMessage response)
    {
        Status = response.StatusCode;
        Url = response.RequestMessage!.RequestUri!.PathAndQuery;
        Html = await response.Content.ReadAsStringAsync();
    }

    private static string? Attribute(string tag, string name)
    {
        var match = Regex.Match(tag, $"""\s{name}="([^"]*)"  """.TrimEnd());
        return match.Success ? match.Groups[1].Value : null;
    }

    [GeneratedRegex("<input\\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InputTag();

    [GeneratedRegex("/task/s/([0-9a-f-]{36})")]
    private static partial Regex SessionPath();
}
