using System.Globalization;
using System.Net;
using System.Text;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using PainBias.Core.Domain;
using PainBias.Data;
using PainBias.Data.Entities;
using PainBias.TestSupport;
using PainBias.Web.Tests.AssessorTask;
using static PainBias.Web.Tests.AssessorTask.TaskTestData;

namespace PainBias.Web.Tests.ParticipantLinks;

/// <summary>Single-use links for lab, panel and Credamo participants, through real HTTP on both providers.</summary>
[Collection(TaskWebCollection.Name)]
public sealed class ParticipantLinkTests(TaskWebFixture fixture)
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers;

    private static async Task<List<Dictionary<string, string>>> LinksCsvAsync(HttpClient client, Guid studyId, string form)
    {
        var response = await client.PostAsync($"/api/studies/{studyId}/links.csv", new StringContent(form, Encoding.ASCII, "application/x-www-form-urlencoded"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes[3..]);
        Assert.DoesNotContain("\n", text.Replace("\r\n", ""));
        using var csv = new CsvReader(new StringReader(text), CultureInfo.InvariantCulture);
        csv.Read();
        csv.ReadHeader();
        Assert.Equal(["participant_id", "link", "completion_code"], csv.HeaderRecord!);
        var rows = new List<Dictionary<string, string>>();
        while (csv.Read())
            rows.Add(csv.HeaderRecord!.ToDictionary(h => h, h => csv.GetField(h)!));
        return rows;
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_used_link_cannot_be_reused_from_another_browser_and_shows_its_issued_code(DatabaseProvider provider)
    {
        var host = await fixture.HostAsync(provider);
        var seeded = await StudyAsync(host);
        var admin = await SignInAsAdminAsync(host);
        var row = Assert.Single(await LinksCsvAsync(admin, seeded.Study.Id, "count=1&platform=Direct&lang=en"));
        var path = new Uri(row["link"]).PathAndQuery;

        var first = await ToRatingAsync(host, path);
        var again = await first.Tab(first.Client).OpenAsync(path);
        Assert.Equal(first.SessionId, again.SessionId);

        var stranger = await Browser(host).OpenAsync(path);
        Assert.Equal(HttpStatusCode.Gone, stranger.Status);
        Assert.Contains("already been used", stranger.Html);

        await first.SubmitAsync(Rating());
        Assert.Contains(row["completion_code"], first.Html);
        var late = await Browser(host).OpenAsync(path);
        Assert.Equal(HttpStatusCode.Gone, late.Status);

        await using var db = await host.Database.ContextAsync();
        var worker = await db.Workers.SingleAsync(w => w.ExternalId == row["participant_id"]);
        var session = await db.TaskSessions.SingleAsync(s => s.WorkerId == worker.Id);
        Assert.Equal((TaskStep.Completed, row["completion_code"]), (session.Step, session.CompletionCode));
        Assert.Equal(1, await db.TaskSessions.CountAsync(s => s.StudyId == seeded.Study.Id));
        var link = await db.ParticipantLinks.SingleAsync(l => l.ParticipantId == row["participant_id"]);
        Assert.NotNull(link.ClaimedAt);
    }

    [Fact]
    public async Task Two_browsers_opening_a_fresh_link_at_once_get_one_session_between_them()
    {
        var host = await fixture.HostAsync(DatabaseProvider.Postgres);
        var seeded = await StudyAsync(host);
        var admin = await SignInAsAdminAsync(host);
        var path = new Uri(Assert.Single(await LinksCsvAsync(admin, seeded.Study.Id, "count=1&platform=Direct")).Single(kv => kv.Key == "link").Value).PathAndQuery;

        var pages = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Browser(host).OpenAsync(path)));

        Assert.Single(pages, p => p.Status == HttpStatusCode.OK);
        Assert.Equal(3, pages.Count(p => p.Status == HttpStatusCode.Gone));
    }

    [Fact]
    public async Task Credamo_links_open_the_task_in_Simplified_Chinese_and_every_link_is_stored_with_its_code()
    {
        var host = await fixture.HostAsync(DatabaseProvider.Sqlite);
        var seeded = await StudyAsync(host);
        var admin = await SignInAsAdminAsync(host);

        var rows = await LinksCsvAsync(admin, seeded.Study.Id, "count=5&platform=Credamo");

        Assert.Equal(5, rows.Select(r => r["completion_code"]).Distinct().Count());
        var page = await Browser(host).OpenAsync(new Uri(rows[0]["link"]).PathAndQuery);
        Assert.Contains("知情同意", page.Html);
        await using var db = await host.Database.ContextAsync();
        var stored = await db.ParticipantLinks.Where(l => l.StudyId == seeded.Study.Id).ToListAsync();
        Assert.Equal(rows.Select(r => (r["participant_id"], r["completion_code"])).Order(), stored.Select(l => (l.ParticipantId, l.CompletionCode)).Order());
        Assert.All(stored, l => Assert.Equal((Platform.Credamo, "zh-CN"), (l.Platform, l.Culture)));
    }

    [Fact]
    public async Task Bad_requests_for_links_are_answered_field_by_field()
    {
        var host = await fixture.HostAsync(DatabaseProvider.Sqlite);
        var seeded = await StudyAsync(host);
        var admin = await SignInAsAdminAsync(host);

        var response = await admin.PostAsync($"/api/studies/{seeded.Study.Id}/links.csv",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["count"] = "0", ["platform"] = "MTurk", ["lang"] = "fr" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("count must be", body);
        Assert.Contains("platform must be Direct or Credamo", body);
        await using var db = await host.Database.ContextAsync();
        Assert.False(await db.ParticipantLinks.AnyAsync(l => l.StudyId == seeded.Study.Id));
        var anonymous = await host.CreateClient(new() { AllowAutoRedirect = false })
            .PostAsync($"/api/studies/{seeded.Study.Id}/links.csv", new FormUrlEncodedContent(new Dictionary<string, string> { ["count"] = "1" }));
        Assert.NotEqual(HttpStatusCode.OK, anonymous.StatusCode);
    }

    [Fact]
    public async Task Excluded_and_blocked_workers_are_turned_away_politely_and_nothing_is_stored()
    {
        var host = await fixture.HostAsync(DatabaseProvider.Sqlite);
        var seeded = await StudyAsync(host);
        var other = await StudyAsync(host);
        var admin = await SignInAsAdminAsync(host);
        var rows = await LinksCsvAsync(admin, seeded.Study.Id, "count=2&platform=Direct");
        await using (var db = await host.Database.ContextAsync())
        {
            db.StudyExclusions.Add(new StudyExclusion
            {
                Id = Guid.NewGuid(), StudyId = seeded.Study.Id, Platform = Platform.Direct, ExternalId = rows[0]["participant_id"],
                Source = "test", AddedBy = "test", AddedAt = DateTime.UtcNow,
            });
            db.Workers.Add(new Worker { Id = Guid.NewGuid(), Platform = Platform.Direct, ExternalId = rows[1]["participant_id"], Blocked = true, BlockReason = "test", FirstSeenAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }

        var excluded = await Browser(host).OpenAsync(new Uri(rows[0]["link"]).PathAndQuery);
        var blocked = await Browser(host).OpenAsync(new Uri(rows[1]["link"]).PathAndQuery);

        Assert.Equal(HttpStatusCode.Forbidden, excluded.Status);
        Assert.Contains("This study is not open to you", excluded.Html);
        Assert.Equal(HttpStatusCode.Forbidden, blocked.Status);
        Assert.Contains("cannot take part", blocked.Html);
        await using var check = await host.Database.ContextAsync();
        Assert.False(await check.TaskSessions.AnyAsync(s => s.StudyId == seeded.Study.Id));
        // The exclusion is per study: the same id is welcome elsewhere.
        Assert.Equal(HttpStatusCode.OK, (await Browser(host).OpenAsync(DirectLink(host, other.Study.Id))).Status);
    }
}
