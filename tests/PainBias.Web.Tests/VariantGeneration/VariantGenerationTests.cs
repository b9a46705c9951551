using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PainBias.Core.Domain;
using PainBias.Data;
using PainBias.Data.Entities;
using PainBias.Jobs.Generation;
using PainBias.TestSupport.Onnx;
using PainBias.Web.Features.VariantGeneration;
using static PainBias.Web.Tests.VariantImport.ImportRequests;

namespace PainBias.Web.Tests.VariantGeneration;

/// <summary>Editors uploaded and generation started through the API, the job run by the host's own service provider, and the page.</summary>
public class VariantGenerationTests
{
    public static TheoryData<DatabaseProvider> Providers => TestSupport.TestDatabase.Providers;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    private const string AgeManifest = """
        { "name": "stand-in-age", "condition": "Age",
          "input": { "name": "input", "layout": "NHWC", "width": 32, "height": 32, "range": [-1, 1] },
          "output": { "name": "output" },
          "strength": { "name": "strength", "min": 0, "max": 1, "default": 0.5 } }
        """;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task An_uploaded_editor_and_the_built_in_one_make_variants_with_provenance_shown_on_the_page(DatabaseProvider provider)
    {
        await using var factory = await PainBiasWebFactory.CreateAsync(provider);
        var (client, _) = await factory.SignInNewResearcherAsync();
        var studyId = await StudyWithFacesAsync(client, ("S001", "John_Simm.jpg"), ("S002", "hopper.jpg"));
        var model = TinyOnnxModels.ChannelShiftWithStrength(TensorLayout.Nhwc, 32, [0.2f, 0.1f, 0f]).ToBytes();

        // The manifest says NCHW; the model is channels-last: refused with both shapes, nothing stored.
        var refused = await ProblemsAsync(await client.PostAsync($"/api/studies/{studyId}/editors", EditorForm(model, AgeManifest.Replace("NHWC", "NCHW"))));
        Assert.Contains(refused["model"], p => p.Contains("has shape [?, 32, 32, 3]") && p.Contains("(NCHW, 32×32, 3 channel(s))"));
        var noStrength = await ProblemsAsync(await client.PostAsync($"/api/studies/{studyId}/editors",
            EditorForm(model, AgeManifest.Replace("\"strength\": { \"name\": \"strength\", \"min\": 0, \"max\": 1, \"default\": 0.5 }", "\"maxBatch\": 4"))));
        Assert.Contains(noStrength["model"], p => p.Contains("inputs the manifest does not describe (strength)"));
        var added = await client.PostAsync($"/api/studies/{studyId}/editors", EditorForm(model, AgeManifest));
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var editorId = (await added.Content.ReadFromJsonAsync<GenerationEndpoints.CreatedEditor>())!.Id;

        var unknown = await client.PostAsJsonAsync($"/api/studies/{studyId}/variants/generate", new { skinToneStrength = 0.7, editorIds = new[] { Guid.NewGuid() } });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        var nothing = await ProblemsAsync(await client.PostAsJsonAsync($"/api/studies/{studyId}/variants/generate", new { skinToneStrength = (double?)null }));
        Assert.Contains(nothing["request"], p => p.StartsWith("Nothing to generate"));
        var queued = await client.PostAsJsonAsync($"/api/studies/{studyId}/variants/generate", new { skinToneStrength = 0.7, editorIds = new[] { editorId }, editorStrength = 1.0, seed = 11 });
        Assert.Equal(HttpStatusCode.Accepted, queued.StatusCode);
        var runId = (await queued.Content.ReadFromJsonAsync<GenerationEndpoints.QueuedRun>())!.RunId;

        var waiting = await client.GetFromJsonAsync<GenerationView>($"/api/studies/{studyId}/variants", Json);
        Assert.Equal(GenerationState.Queued, Assert.Single(waiting!.Runs).State);
        Assert.NotNull(factory.Services.GetRequiredService<Hangfire.JobStorage>().GetConnection().GetJobData((await RunAsync(factory, runId)).JobId!));
        await using (var scope = factory.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<GenerateVariantsJob>().RunAsync(runId, CancellationToken.None);

        var view = await client.GetFromJsonAsync<GenerationView>($"/api/studies/{studyId}/variants", Json);
        var run = Assert.Single(view!.Runs);
        Assert.Equal((GenerationState.Finished, 4, 4, 0), (run.State, run.Total, run.Created, run.Failed));
        Assert.Equal(6, view.Variants.Count);
        var age = Assert.Single(view.Variants, v => v.Face == "S001" && v.Condition == Condition.Age);
        Assert.Equal(("onnx:stand-in-age", 11, Environment.MachineName), (age.Editor, age.Seed, age.Node));
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(model)), age.ModelSha256);
        Assert.Equal(1.0, JsonDocument.Parse(age.ParametersJson!).RootElement.GetProperty("strength").GetDouble());
        var skin = Assert.Single(view.Variants, v => v.Face == "S002" && v.Condition == Condition.SkinTone);
        Assert.Equal("builtin-skin-tone", skin.Editor);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/images/{skin.ImageSha256}")).StatusCode);

        var page = await client.GetStringAsync($"/studies/{studyId}/variants");
        Assert.Contains($"data-variant=\"{age.Id}\" data-condition=\"Age\"", page);
        Assert.Contains("onnx:stand-in-age", page);
        Assert.Contains(age.ModelSha256![..12], page);
        Assert.Contains("data-state=\"Finished\"", page);
        Assert.Contains("4 made, 0 already there, 0 failed", page);
        Assert.Contains($"/studies/{studyId}/variants", await client.GetStringAsync($"/studies/{studyId}/quality"));
    }

    [Fact]
    public async Task Another_researcher_gets_not_found_everywhere()
    {
        await using var factory = await PainBiasWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        var (alice, _) = await factory.SignInNewResearcherAsync();
        var (bob, _) = await factory.SignInNewResearcherAsync();
        var studyId = await StudyWithFacesAsync(alice, ("S001", "John_Simm.jpg"));
        var model = TinyOnnxModels.ChannelShiftWithStrength(TensorLayout.Nhwc, 32, [0.2f, 0.1f, 0f]).ToBytes();

        Assert.Equal(HttpStatusCode.NotFound, (await bob.GetAsync($"/api/studies/{studyId}/variants")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bob.PostAsync($"/api/studies/{studyId}/editors", EditorForm(model, AgeManifest))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bob.PostAsJsonAsync($"/api/studies/{studyId}/variants/generate", new { skinToneStrength = 0.5 })).StatusCode);
        Assert.Contains("Study not found, or it is not yours.", await bob.GetStringAsync($"/studies/{studyId}/variants"));
        Assert.Equal(HttpStatusCode.Created, (await alice.PostAsync($"/api/studies/{studyId}/editors", EditorForm(model, AgeManifest))).StatusCode);
        var editor = Assert.Single((await alice.GetFromJsonAsync<GenerationView>($"/api/studies/{studyId}/variants", Json))!.Editors);
        Assert.Equal(HttpStatusCode.NotFound, (await bob.DeleteAsync($"/api/studies/{studyId}/editors/{editor.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await alice.DeleteAsync($"/api/studies/{studyId}/editors/{editor.Id}")).StatusCode);
    }

    private static async Task<GenerationRun> RunAsync(PainBiasWebFactory factory, Guid runId)
    {
        await using var db = await factory.Database.ContextAsync();
        return await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.GenerationRuns, r => r.Id == runId);
    }

    private static MultipartFormDataContent EditorForm(byte[] model, string manifest) => new()
    {
        { new ByteArrayContent(model), "model", "editor.onnx" },
        { new StringContent(manifest), "manifest" },
    };
}
