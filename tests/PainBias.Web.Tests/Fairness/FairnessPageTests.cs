using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PainBias.Core.Domain;
using PainBias.Data;
using PainBias.Data.Entities;
using PainBias.Jobs.Fairness;
using PainBias.Jobs.Tests.Fairness;
using PainBias.TestSupport.Onnx;
using PainBias.Web.Features.Fairness;

namespace PainBias.Web.Tests.Fairness;

/// <summary>
/// The fairness API and page end to end: a run with external labels through the real ResNet18 features and the
/// experiment job, the exports, an audit of a test-built model, and what other researchers and bad input get.
/// </summary>
public class FairnessPageTests
{
    public static TheoryData<DatabaseProvider> Providers => TestSupport.TestDatabase.Providers;

    private static byte Grey(int face, Condition c) => (byte)((c.ChangesSkinTone() ? 50 + (face * 9) : 210 - (face * 6)) - (c.ChangesAge() ? 25 : 0));

    private static async Task<FairnessStudy> SeedAsync(PainBiasWebFactory factory, string ownerId, int faces)
    {
        var study = await FairnessStudy.AddAsync(factory.Database, faces, Grey, f => (Race)(f % 2), ownerId);
        await using var db = await factory.Database.ContextAsync();
        foreach (var v in study.Variants)
            FairnessStudy.Rate(db, v, 2 + (Grey(study.Faces.Select(f => f.Id).ToList().IndexOf(v.SourceFaceId), v.Condition) % 7), 3);
        await db.SaveChangesAsync();
        return study;
    }

    private static async Task<Dictionary<string, string[]>> ProblemsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("errors").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.EnumerateArray().Select(e => e.GetString()!).ToArray());
    }

    private static MultipartFormDataContent RunForm(int folds, string? labelsCsv)
    {
        var form = new MultipartFormDataContent { { new StringContent(folds.ToString()), "folds" }, { new StringContent("7"), "seed" } };
        if (labelsCsv is not null) form.Add(new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(labelsCsv)), "labels", "clinician.csv");
        return form;
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_run_with_clinician_labels_gives_the_table_its_exports_and_the_page(DatabaseProvider provider)
    {
        await using var factory = await PainBiasWebFactory.CreateAsync(provider);
        var (client, userId) = await factory.SignInNewResearcherAsync();
        var study = await SeedAsync(factory, userId, 4);
        // The clinician rates the originals only, named as in the ratings export.
        var csv = "image,label\n" + string.Join("\n", study.Faces.Select((f, i) => $"{f.Label}/original,{i + 4}")) + "\n";

        var response = await client.PostAsync($"/api/studies/{study.StudyId}/fairness/runs", RunForm(2, csv));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var runId = (await response.Content.ReadFromJsonAsync<FairnessEndpoints.Started>())!.Id;
        var queued = await client.GetFromJsonAsync<FairnessRunView>($"/api/studies/{study.StudyId}/fairness/runs/{runId}", FairnessJson.Options);
        Assert.Equal(AnalysisStatus.Queued, queued!.Status);
        Assert.Equal(HttpStatusCode.Conflict, (await client.GetAsync($"/api/studies/{study.StudyId}/fairness/runs/{runId}/table.csv")).StatusCode);

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            Assert.Equal(16, await scope.ServiceProvider.GetRequiredService<FeatureExtractionJob>().RunAsync(study.StudyId, runId, CancellationToken.None));
            await scope.ServiceProvider.GetRequiredService<FairnessExperimentJob>().RunAsync(runId, CancellationToken.None);
        }

        var run = (await client.GetFromJsonAsync<FairnessRunView>($"/api/studies/{study.StudyId}/fairness/runs/{runId}", FairnessJson.Options))!;
        Assert.True(run.Status == AnalysisStatus.Succeeded, run.Error);
        Assert.Equal("clinician.csv", run.ExternalLabelsFile);
        var result = run.Result!;
        Assert.Equal("external (4 images)", result.TestLabels);
        Assert.Equal((16, 4, 512, 2), (result.Images, result.Faces, result.Features, result.Folds));
        Assert.All(result.Rows, r => Assert.Equal(4, r.TestLabelled));
        Assert.All(result.Rows, r => Assert.True(double.IsFinite(r.TestMse) && r.SkinTone.Value >= 0));

        var table = await client.GetStringAsync($"/api/studies/{study.StudyId}/fairness/runs/{runId}/table.csv");
        var lines = table.TrimEnd('\n').Split('\n');
        Assert.Equal(5, lines.Length);
        Assert.StartsWith("condition,train_mse,train_rmse,test_mse,test_rmse", lines[0]);
        Assert.StartsWith("Average + Auto,", lines[4]);
        var json = await client.GetStringAsync($"/api/studies/{study.StudyId}/fairness/runs/{runId}/result.json");
        Assert.Equal(result.Rows[0].TestMse, JsonSerializer.Deserialize<PainBias.Core.Fairness.FairnessExperimentResult>(json, FairnessJson.Options)!.Rows[0].TestMse);

        var page = await client.GetStringAsync($"/studies/{study.StudyId}/fairness");
        Assert.Contains($"data-run=\"{runId}\" data-status=\"Succeeded\"", page);
        Assert.Contains("data-testid=\"fairness-table\"", page);
        Assert.Contains("Average + Auto", page);
        Assert.Contains($"/studies/{study.StudyId}/fairness", await client.GetStringAsync($"/studies/{study.StudyId}/quality"));
    }

    [Fact]
    public async Task Bad_labels_are_refused_line_by_line_and_nothing_is_queued()
    {
        await using var factory = await PainBiasWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        var (client, userId) = await factory.SignInNewResearcherAsync();
        var study = await SeedAsync(factory, userId, 2);
        var csv = "image,label\nS000/original,5\nS000/skin,seventeen\nS009/age,3\nS001/original,20\nS000/original,6\n";

        var problems = await ProblemsAsync(await client.PostAsync($"/api/studies/{study.StudyId}/fairness/runs", RunForm(5, csv)));

        Assert.Equal(
        [
            "Line 3: the label \"seventeen\" is not a number.",
            "Line 4: \"S009/age\" is neither face/variant (e.g. S001/skin; variants original, skin, age, skin_age) nor the SHA-256 of a variant image of this study.",
            "Line 5: the label 20 is outside the PSPI range 0–16.",
            "Line 6: S000/original already has a label on line 2.",
        ], problems["labels"]);
        var header = await ProblemsAsync(await client.PostAsync($"/api/studies/{study.StudyId}/fairness/runs", RunForm(5, "face;score\nS000;3\n")));
        Assert.Equal("The header is \"face;score\"; it must name the columns image,label or variant_id,label.", Assert.Single(header["labels"]));
        Assert.Equal("Folds must be 2–20 (got 1).", Assert.Single((await ProblemsAsync(await client.PostAsync($"/api/studies/{study.StudyId}/fairness/runs", RunForm(1, null))))["run"]));
        await using var db = await factory.Database.ContextAsync();
        Assert.False(await db.FairnessRuns.AnyAsync());
    }

    [Fact]
    public async Task An_audit_is_checked_on_upload_and_reports_the_models_skin_tone_gap()
    {
        await using var factory = await PainBiasWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        var (client, userId) = await factory.SignInNewResearcherAsync();
        var study = await SeedAsync(factory, userId, 3);
        var model = TinyOnnxModels.ChannelMeanRegressor(PainBias.TestSupport.Onnx.TensorLayout.Nchw, 16, [16 / 3f, 16 / 3f, 16 / 3f], 0).ToBytes();
        const string wrong = """{ "name": "grey-pspi", "input": { "name": "input", "layout": "NHWC", "width": 16, "height": 16 }, "output": { "name": "output" } }""";
        MultipartFormDataContent Form(string manifest) => new() { { new ByteArrayContent(model), "model", "grey.onnx" }, { new StringContent(manifest), "manifest" } };

        var refused = await ProblemsAsync(await client.PostAsync($"/api/studies/{study.StudyId}/fairness/audits", Form(wrong)));
        Assert.Contains(refused["model"], p => p.Contains("has shape [?, 3, 16, 16]") && p.Contains("feeds [1, 16, 16, 3]"));
        var accepted = await client.PostAsync($"/api/studies/{study.StudyId}/fairness/audits", Form(wrong.Replace("NHWC", "NCHW")));
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var auditId = (await accepted.Content.ReadFromJsonAsync<FairnessEndpoints.Started>())!.Id;

        await using (var scope = factory.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<FairnessAuditJob>().RunAsync(auditId, CancellationToken.None);

        var audit = (await client.GetFromJsonAsync<FairnessAuditView>($"/api/studies/{study.StudyId}/fairness/audits/{auditId}", FairnessJson.Options))!;
        Assert.True(audit.Status == AnalysisStatus.Succeeded, audit.Error);
        // The model scores 16 × grey / 255; a skin-tone pair differs by 16 |g₁ − g₂| / 255.
        var expected = Enumerable.Range(0, 3).SelectMany(f => new[]
        {
            Math.Abs(Grey(f, Condition.Original) - Grey(f, Condition.SkinTone)), Math.Abs(Grey(f, Condition.Age) - Grey(f, Condition.SkinToneAge)),
        }).Average() * 16 / 255.0;
        Assert.Equal(expected, audit.Report!.SkinTone.Value!.Value, 4);
        var page = await client.GetStringAsync($"/studies/{study.StudyId}/fairness");
        Assert.Contains($"data-audit=\"{auditId}\" data-status=\"Succeeded\"", page);
        Assert.Contains("Individual fairness, skin-tone pairs", page);
    }

    [Fact]
    public async Task Another_researcher_gets_not_found_everywhere()
    {
        await using var factory = await PainBiasWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        var (alice, aliceId) = await factory.SignInNewResearcherAsync();
        var (bob, _) = await factory.SignInNewResearcherAsync();
        var study = await SeedAsync(factory, aliceId, 2);
        var started = await alice.PostAsync($"/api/studies/{study.StudyId}/fairness/runs", RunForm(2, null));
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var runId = (await started.Content.ReadFromJsonAsync<FairnessEndpoints.Started>())!.Id;

        Assert.Equal(HttpStatusCode.NotFound, (await bob.GetAsync($"/api/studies/{study.StudyId}/fairness")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bob.GetAsync($"/api/studies/{study.StudyId}/fairness/runs/{runId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bob.GetAsync($"/api/studies/{study.StudyId}/fairness/runs/{runId}/table.csv")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bob.PostAsync($"/api/studies/{study.StudyId}/fairness/runs", RunForm(2, null))).StatusCode);
        Assert.Contains("Study not found, or it is not yours.", await bob.GetStringAsync($"/studies/{study.StudyId}/fairness"));
    }
}
