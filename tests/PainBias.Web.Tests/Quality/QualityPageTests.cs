using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using PainBias.Core.Domain;
using PainBias.Data;
using PainBias.Imaging.Quality.Onnx;
using PainBias.Jobs.Quality;
using PainBias.TestSupport.Onnx;
using PainBias.Web.Features.Quality;
using static PainBias.Web.Tests.VariantImport.ImportRequests;

namespace PainBias.Web.Tests.Quality;

public partial class QualityPageTests
{
    public static TheoryData<DatabaseProvider> Providers => TestSupport.TestDatabase.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task The_report_shows_each_variant_pass_or_fail_with_reasons_and_plots_each_condition(DatabaseProvider provider)
    {
        await using var factory = await PainBiasWebFactory.CreateAsync(provider);
        var (client, _) = await factory.SignInNewResearcherAsync();
        var studyId = await StudyWithFacesAsync(client, ("S001", "John_Simm.jpg"), ("S002", "John_Salley.jpg"));
        // S001's age variant is its own photo (passes); S002's skin variant is another man (fails: his face, once
        // normalised like the Original, puts nose and mouth elsewhere).
        var import = await ImportAsync(client, studyId,
            ("same.png", AsPng(Face("John_Simm.jpg"))), ("other.jpg", Face("John_Savage.jpg")),
            ("m.csv", Csv("file,face,condition\nsame.png,S001,age\nother.jpg,S002,skin\n")));
        Assert.Equal(HttpStatusCode.Created, import.StatusCode);

        var before = await client.GetFromJsonAsync<QualityReport>($"/api/studies/{studyId}/quality");
        Assert.All(before!.Variants, v => Assert.Equal(VariantQuality.Pending, v.Status));
        await using (var scope = factory.Services.CreateAsyncScope())
            Assert.Equal(2, await scope.ServiceProvider.GetRequiredService<QualityCheckJob>().RunAsync(studyId, CancellationToken.None));

        var report = await client.GetFromJsonAsync<QualityReport>($"/api/studies/{studyId}/quality");
        var same = Assert.Single(report!.Variants, v => v.Face == "S001");
        var other = Assert.Single(report.Variants, v => v.Face == "S002");
        Assert.Equal((VariantQuality.Pass, Condition.Age), (same.Status, same.Condition));
        Assert.Equal(0, same.Drift!.Value, 6);
        Assert.Equal((VariantQuality.Fail, Condition.SkinTone), (other.Status, other.Condition));
        Assert.Contains(other.Reasons, r => r.StartsWith("Keypoints drifted") || r.StartsWith("Detail similarity (SSIM)"));
        Assert.Equal([(Condition.SkinTone, 0, 1), (Condition.Age, 1, 0)], report.Conditions.Select(c => (c.Condition, c.Passed, c.Failed)));

        var page = await client.GetStringAsync($"/studies/{studyId}/quality");
        Assert.Matches($"data-variant=\"{other.VariantId}\" data-status=\"Fail\"", page);
        Assert.Matches($"data-variant=\"{same.VariantId}\" data-status=\"Pass\"", page);
        Assert.Contains(WebUtility.HtmlEncode(other.Reasons[0]), page);
        Assert.Contains($"/studies/{studyId}/quality", page);

        var svg = await client.GetAsync($"/api/studies/{studyId}/quality/drift.svg");
        Assert.Equal("image/svg+xml", svg.Content.Headers.ContentType!.MediaType);
        var text = await svg.Content.ReadAsStringAsync();
        Assert.Contains("skin (n=1)", text);
        Assert.Contains("age (n=1)", text);
        Assert.DoesNotContain("skin_age", text);
        var png = await client.GetByteArrayAsync($"/api/studies/{studyId}/quality/drift.png");
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
    }

    [Fact]
    public async Task A_check_model_is_validated_on_upload_and_counts_in_the_verdict()
    {
        await using var factory = await PainBiasWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        var (client, _) = await factory.SignInNewResearcherAsync();
        var studyId = await StudyWithFacesAsync(client, ("S001", "John_Simm.jpg"));
        Assert.Equal(HttpStatusCode.Created, (await ImportAsync(client, studyId, ("v.png", AsPng(Face("John_Simm.jpg"))), ("m.csv", Csv("file,face,condition\nv.png,S001,skin\n")))).StatusCode);
        var model = TinyOnnxModels.ChannelMeanEmbedding(PainBias.TestSupport.Onnx.TensorLayout.Nhwc, 24).ToBytes();
        const string wrong = """{ "name": "same-person", "kind": "FaceVerification", "input": { "name": "input", "layout": "NCHW", "width": 24, "height": 24 }, "output": { "name": "embedding" }, "threshold": 0.99 }""";
        var right = wrong.Replace("NCHW", "NHWC");

        var refused = await ProblemsAsync(await client.PostAsync($"/api/studies/{studyId}/quality/models", ModelForm(model, wrong)));
        Assert.Contains(refused["model"], p => p.Contains("has shape [?, 24, 24, 3]") && p.Contains("feeds [1, 3, 24, 24]"));
        var added = await client.PostAsync($"/api/studies/{studyId}/quality/models", ModelForm(model, right));
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var duplicate = await ProblemsAsync(await client.PostAsync($"/api/studies/{studyId}/quality/models", ModelForm(model, right)));
        Assert.Contains("already has a check model named \"same-person\"", Assert.Single(duplicate["model"]));

        await using (var scope = factory.Services.CreateAsyncScope())
            Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<QualityCheckJob>().RunAsync(studyId, CancellationToken.None));
        var report = await client.GetFromJsonAsync<QualityReport>($"/api/studies/{studyId}/quality");
        var variant = Assert.Single(report!.Variants);
        var check = Assert.Single(variant.Models);
        // The same pixels give the same mean-colour embedding: cosine 1.
        Assert.Equal(("same-person", QualityModelKind.FaceVerification, true), (check.Name, check.Kind, check.Passed));
        Assert.Equal(1, check.Value, 6);
        Assert.Equal(VariantQuality.Pass, variant.Status);
        Assert.Equal("same-person", Assert.Single(report.Models).Name);
    }

    [Fact]
    public async Task Another_researcher_gets_not_found_everywhere()
    {
        await using var factory = await PainBiasWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        var (alice, _) = await factory.SignInNewResearcherAsync();
        var (bob, _) = await factory.SignInNewResearcherAsync();
        var studyId = await StudyWithFacesAsync(alice, ("S001", "John_Simm.jpg"));

        Assert.Equal(HttpStatusCode.NotFound, (await bob.GetAsync($"/api/studies/{studyId}/quality")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bob.GetAsync($"/api/studies/{studyId}/quality/drift.svg")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bob.PostAsync($"/api/studies/{studyId}/quality/run", null)).StatusCode);
        Assert.Contains("Study not found, or it is not yours.", await bob.GetStringAsync($"/studies/{studyId}/quality"));
        Assert.Equal(HttpStatusCode.Accepted, (await alice.PostAsync($"/api/studies/{studyId}/quality/run", null)).StatusCode);
    }

    private static MultipartFormDataContent ModelForm(byte[] model, string manifest) => new()
    {
        { new ByteArrayContent(model), "model", "model.onnx" },
        { new StringContent(manifest), "manifest" },
    };
}
