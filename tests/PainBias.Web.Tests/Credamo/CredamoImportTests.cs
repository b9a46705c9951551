using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using PainBias.Core.Domain;
using PainBias.Data;
using PainBias.Data.Entities;
using PainBias.TestSupport;
using PainBias.Web.Tests.AssessorTask;
using static PainBias.Web.Tests.AssessorTask.TaskTestData;

namespace PainBias.Web.Tests.Credamo;

/// <summary>
/// Importing real Credamo files (GBK, UTF-8 with and without BOM, XLSX, broken ones) against codes stored in the
/// database, and the approval file that comes out.
/// </summary>
[Collection(TaskWebCollection.Name)]
public sealed class CredamoImportTests(TaskWebFixture fixture)
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers;

    private static byte[] File(string name) => System.IO.File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Credamo", "Files", name));

    /// <summary>The study issued the codes the sample files use; some tasks were completed, one was not.</summary>
    private static async Task<Guid> StudyWithCodesAsync(TaskWebFactory host)
    {
        var seeded = await StudyAsync(host);
        await using var db = await host.Database.ContextAsync();
        // Codes are unique across studies, so every test run gets its own by study; the files' codes go to this one.
        await db.ParticipantLinks.Where(l => l.CompletionCode.Length == 10 && SampleCodes.Contains(l.CompletionCode)).ExecuteDeleteAsync();
        await db.TaskSessions.Where(s => s.CompletionCode != null && SampleCodes.Contains(s.CompletionCode)).ExecuteUpdateAsync(s => s.SetProperty(x => x.CompletionCode, (string?)null));
        foreach (var (code, completed) in new[] { ("A2B3C4D5E6", true), ("B3C4D5E6F7", true), ("CD45E6F7G8", false), ("DE56F7G8H9", true), ("HJKMNPQRST", true) })
            AddLink(db, seeded.Study.Id, code, completed ? TaskStep.Completed : TaskStep.Rating);
        await db.SaveChangesAsync();
        return seeded.Study.Id;
    }

    private static readonly string[] SampleCodes = ["A2B3C4D5E6", "B3C4D5E6F7", "CD45E6F7G8", "DE56F7G8H9", "HJKMNPQRST", "XQ7Z9WW2RR"];

    private static void AddLink(PainBiasDbContext db, Guid studyId, string code, TaskStep? step)
    {
        var participant = $"P{Guid.NewGuid():N}"[..17];
        db.ParticipantLinks.Add(new ParticipantLink
        {
            Id = Guid.NewGuid(), StudyId = studyId, Platform = Platform.Credamo, ParticipantId = participant, CompletionCode = code,
            Culture = "zh-CN", CreatedAt = DateTime.UtcNow, CreatedBy = "test",
        });
        if (step is null)
            return;
        var worker = new Worker { Id = Guid.NewGuid(), Platform = Platform.Credamo, ExternalId = participant, FirstSeenAt = DateTime.UtcNow };
        db.Workers.Add(worker);
        db.TaskSessions.Add(new TaskSession
        {
            Id = Guid.NewGuid(), StudyId = studyId, WorkerId = worker.Id, Platform = Platform.Credamo, Culture = "zh-CN", Step = step.Value,
            CreatedAt = DateTime.UtcNow, IssuedCompletionCode = code, CompletionCode = step == TaskStep.Completed ? code : null,
        });
    }

    private static Task<HttpResponseMessage> ImportAsync(HttpClient client, Guid studyId, string file, Dictionary<string, string>? fields = null) =>
        ImportAsync(client, studyId, file, File(file), fields);

    private static async Task<HttpResponseMessage> ImportAsync(HttpClient client, Guid studyId, string file, byte[] data, Dictionary<string, string>? fields = null)
    {
        using var form = new MultipartFormDataContent();
        var content = new ByteArrayContent(data);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(content, "file", file);
        foreach (var (name, value) in fields ?? [])
            form.Add(new StringContent(value), name);
        return await client.PostAsync($"/api/studies/{studyId}/credamo/imports", form);
    }

    private static List<Dictionary<string, string>> Csv(byte[] bytes)
    {
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        using var csv = new CsvReader(new StringReader(Encoding.UTF8.GetString(bytes[3..])), CultureInfo.InvariantCulture);
        csv.Read();
        csv.ReadHeader();
        var rows = new List<Dictionary<string, string>>();
        while (csv.Read())
            rows.Add(csv.HeaderRecord!.ToDictionary(h => h, h => csv.GetField(h)!));
        return rows;
    }

    public sealed record Summary(Guid Id, string Encoding, int Rows, int Approved, Dictionary<string, int> Findings, List<Missing> Missing);

    public sealed record Missing(string Code, string ParticipantId);

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_GBK_export_is_reconciled_kept_raw_and_turned_into_an_approval_file(DatabaseProvider provider)
    {
        var host = await fixture.HostAsync(provider);
        var studyId = await StudyWithCodesAsync(host);
        var admin = await SignInAsAdminAsync(host);

        var response = await ImportAsync(admin, studyId, "results-gbk.csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var summary = (await response.Content.ReadFromJsonAsync<Summary>(new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web)
        {
            Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
        }))!;
        Assert.Equal(("GB18030", 5, 2), (summary.Encoding, summary.Rows, summary.Approved));
        Assert.Equal(["DE56F7G8H9", "HJKMNPQRST"], summary.Missing.Select(m => m.Code).Order());

        var approvals = Csv(await admin.GetByteArrayAsync($"/api/studies/{studyId}/credamo/imports/{summary.Id}/approvals.csv"));
        Assert.Equal(["approve", "approve", "reject", "reject", "reject"], approvals.Select(r => r["decision"]));
        Assert.Equal(["completed", "completed", "task not completed", "unknown code", "no completion code"], approvals.Select(r => r["reason"]));
        Assert.Equal(["R1001", "R1002", "R1003", "R1004", "R1005"], approvals.Select(r => r["response_id"]));

        Assert.Equal(File("results-gbk.csv"), await admin.GetByteArrayAsync($"/api/studies/{studyId}/credamo/imports/{summary.Id}/raw"));
        await using var db = await host.Database.ContextAsync();
        var audit = await db.AuditEntries.Where(a => a.Action == "credamo.import" && a.TargetId == studyId.ToString()).SingleAsync();
        Assert.Equal(AuditOutcome.Succeeded, audit.Outcome);
    }

    [Fact]
    public async Task A_later_export_approves_the_same_responses_again_but_never_a_paid_code_for_someone_else()
    {
        var host = await fixture.HostAsync(DatabaseProvider.Sqlite);
        var studyId = await StudyWithCodesAsync(host);
        var admin = await SignInAsAdminAsync(host);
        Assert.Equal(HttpStatusCode.OK, (await ImportAsync(admin, studyId, "results-gbk.csv")).StatusCode);

        // A cumulative export: R1001 again, and R1002's code now also claimed by another user's response.
        var later = Encoding.UTF8.GetBytes("作答ID,用户ID,Q2.请输入完成码\nR1001,U501,A2B3C4D5E6\nR2001,U601,B3C4D5E6F7\n");
        var response = await ImportAsync(admin, studyId, "later.csv", later);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var id = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();
        var approvals = Csv(await admin.GetByteArrayAsync($"/api/studies/{studyId}/credamo/imports/{id}/approvals.csv"));
        Assert.Equal([("R1001", "approve"), ("R2001", "reject")], approvals.Select(r => (r["response_id"], r["decision"])));
        Assert.Equal("code already approved for another response in an earlier import", approvals[1]["reason"]);
    }

    [Theory]
    [InlineData("results-utf8-bom.csv", "UTF-8 (BOM)", 3)]
    [InlineData("results-utf8-nobom-english.csv", "UTF-8", 2)]
    [InlineData("results.xlsx", "XLSX", 2)]
    public async Task UTF8_and_XLSX_exports_import_too(string file, string encoding, int approved)
    {
        var host = await fixture.HostAsync(DatabaseProvider.Sqlite);
        var studyId = await StudyWithCodesAsync(host);
        var admin = await SignInAsAdminAsync(host);

        var response = await ImportAsync(admin, studyId, file);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains($"\"encoding\":\"{encoding}\"", body);
        Assert.Contains($"\"approved\":{approved}", body);
    }

    [Fact]
    public async Task Duplicates_and_another_studys_codes_are_reported_and_never_approved()
    {
        var host = await fixture.HostAsync(DatabaseProvider.Postgres);
        var studyId = await StudyWithCodesAsync(host);
        var other = await StudyAsync(host);
        await using (var db = await host.Database.ContextAsync())
        {
            AddLink(db, other.Study.Id, "XQ7Z9WW2RR", TaskStep.Completed);
            await db.SaveChangesAsync();
        }
        var admin = await SignInAsAdminAsync(host);

        var response = await ImportAsync(admin, studyId, "results-duplicates.csv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var id = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();

        var approvals = Csv(await admin.GetByteArrayAsync($"/api/studies/{studyId}/credamo/imports/{id}/approvals.csv"));
        Assert.Equal(
            ["completed", "duplicate row", "code claimed by several responses", "code claimed by several responses", "task not completed", "completed", "code of another study"],
            approvals.Select(r => r["reason"]));
        Assert.Equal(["R3001", "R3005"], approvals.Where(r => r["decision"] == "approve").Select(r => r["response_id"]));
    }

    [Theory]
    [InlineData("results-missing-code-column.csv", "No completion code column")]
    [InlineData("results-undecodable.csv", "neither UTF-8 nor GB18030")]
    public async Task A_bad_file_gets_a_clear_report_and_nothing_is_imported(string file, string message)
    {
        var host = await fixture.HostAsync(DatabaseProvider.Sqlite);
        var studyId = await StudyWithCodesAsync(host);
        var admin = await SignInAsAdminAsync(host);

        var response = await ImportAsync(admin, studyId, file);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync());
        await using var db = await host.Database.ContextAsync();
        Assert.False(await db.CredamoImports.AnyAsync(i => i.StudyId == studyId));
        Assert.Equal(AuditOutcome.Refused, (await db.AuditEntries.SingleAsync(a => a.Action == "credamo.import" && a.TargetId == studyId.ToString())).Outcome);
    }

    [Fact]
    public async Task A_column_map_reads_a_file_whose_headers_the_defaults_miss()
    {
        var host = await fixture.HostAsync(DatabaseProvider.Sqlite);
        var studyId = await StudyWithCodesAsync(host);
        var admin = await SignInAsAdminAsync(host);

        var response = await ImportAsync(admin, studyId, "results-missing-code-column.csv", new() { ["codeColumn"] = "提交时间" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"approved\":0", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Nobody_signed_out_can_import()
    {
        var host = await fixture.HostAsync(DatabaseProvider.Sqlite);
        var studyId = await StudyWithCodesAsync(host);
        var response = await ImportAsync(host.CreateClient(new() { AllowAutoRedirect = false }), studyId, "results-gbk.csv");

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }
}
