using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using PainBias.Core.Domain;
using PainBias.Core.Fairness;
using PainBias.Data;
using PainBias.Data.Blobs;
using PainBias.Data.Entities;
using PainBias.Imaging.Decoding;
using PainBias.Imaging.Inference;
using PainBias.Imaging.PainModels;
using PainBias.Imaging.Quality.Onnx;
using PainBias.Jobs.Fairness;
using PainBias.TestSupport;
using PainBias.TestSupport.Onnx;

namespace PainBias.Jobs.Tests.Fairness;

/// <summary>The audit job on test-built ONNX pain models whose outputs on solid-colour images are known, on both databases.</summary>
public class FairnessAuditJobTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers;

    private static readonly OnnxSessionFactory Cpu = new(new InferenceOptions { PreferCuda = false });

    // Originals and age variants light, skin-tone variants dark; every face a little different.
    private static byte Grey(int face, Condition c) => (byte)(c.ChangesSkinTone() ? 60 + (face * 7) : 200 - (face * 5) - (c.ChangesAge() ? 20 : 0));

    private static PainModelManifest Manifest(string input = "input", int size = 32) => new()
    {
        Name = "test-pain", Input = new QualityModelInput { Name = input, Width = size, Height = size, Range = [0, 1] },
        Output = new QualityModelOutput { Name = "output" },
    };

    /// <summary>c × [mean grey below ½] + 2: a model that adds a constant for darker images.</summary>
    private static byte[] DarkBonus(float c) =>
        new OnnxModelBuilder()
            .Input("input", TinyOnnxModels.ImageDims(PainBias.TestSupport.Onnx.TensorLayout.Nchw, 32, "batch"))
            .Output("output", "batch", 1)
            .Constant("weights", [3, 1], 1 / 3f, 1 / 3f, 1 / 3f)
            .Constant("half", [1], 0.5f)
            .Constant("c", [1], c)
            .Constant("two", [1], 2f)
            .Node("ReduceMean", ["input"], ["means"], OnnxModelBuilder.Ints("axes", 2, 3), OnnxModelBuilder.Int("keepdims", 0))
            .Node("MatMul", ["means", "weights"], ["grey"])
            .Node("Less", ["grey", "half"], ["dark"])
            .Node("Cast", ["dark"], ["dark01"], OnnxModelBuilder.Int("to", 1))
            .Node("Mul", ["dark01", "c"], ["bonus"])
            .Node("Add", ["bonus", "two"], ["output"])
            .ToBytes();

    private static FairnessAuditJob Job(TestDatabase database) =>
        new(database.Contexts, new DatabaseBlobStore(database.Contexts), new ImageDecoder(), Cpu, TimeProvider.System, NullLogger<FairnessAuditJob>.Instance);

    private static async Task<Guid> AddAuditAsync(TestDatabase database, Guid studyId, byte[] model, PainModelManifest manifest)
    {
        var sha = await new DatabaseBlobStore(database.Contexts).PutAsync(model, "application/onnx", CancellationToken.None);
        await using var db = await database.ContextAsync();
        var audit = new FairnessAudit
        {
            Id = Guid.NewGuid(), StudyId = studyId, Name = manifest.Name, ManifestJson = manifest.ToJson(), ModelSha256 = sha, CreatedBy = "test",
            Status = AnalysisStatus.Queued, CreatedAt = DateTime.UtcNow,
        };
        db.FairnessAudits.Add(audit);
        await db.SaveChangesAsync();
        return audit.Id;
    }

    private static async Task<FairnessAudit> ReadAsync(TestDatabase database, Guid id)
    {
        await using var db = await database.ContextAsync();
        return await db.FairnessAudits.AsNoTracking().SingleAsync(a => a.Id == id);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_colour_blind_greyscale_model_scores_each_pair_by_its_grey_difference(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var study = await FairnessStudy.AddAsync(database, 6, Grey);
        var model = TinyOnnxModels.ChannelMeanRegressor(PainBias.TestSupport.Onnx.TensorLayout.Nchw, 32, [1 / 3f, 1 / 3f, 1 / 3f], 0).ToBytes();
        var id = await AddAuditAsync(database, study.StudyId, model, Manifest());

        await Job(database).RunAsync(id, CancellationToken.None);

        var audit = await ReadAsync(database, id);
        Assert.Equal(AnalysisStatus.Succeeded, audit.Status);
        Assert.Equal(1, audit.Progress);
        var report = JsonSerializer.Deserialize<FairnessAuditReport>(audit.ResultJson!, FairnessJson.Options)!;
        // Independently: the model sees grey/255 on a solid image, so a pair differs by |g₁ − g₂| / 255.
        double Diff(int f, Condition a, Condition b) => Math.Abs(Grey(f, a) - Grey(f, b)) / 255.0;
        var faces = Enumerable.Range(0, 6).ToList();
        var skin = faces.SelectMany(f => new[] { Diff(f, Condition.Original, Condition.SkinTone), Diff(f, Condition.Age, Condition.SkinToneAge) }).Average();
        var age = faces.SelectMany(f => new[] { Diff(f, Condition.Original, Condition.Age), Diff(f, Condition.SkinTone, Condition.SkinToneAge) }).Average();
        var both = faces.Select(f => Diff(f, Condition.Original, Condition.SkinToneAge)).Average();
        Assert.Equal(24, report.Images);
        Assert.Equal(skin, report.SkinTone.Value!.Value, 1e-6);
        Assert.Equal(age, report.Age.Value!.Value, 1e-6);
        Assert.Equal(both, report.Both.Value!.Value, 1e-6);
        Assert.True(report.SkinTone.Lower <= report.SkinTone.Value && report.SkinTone.Value <= report.SkinTone.Upper);
        // Every face's source race is W, so the perceived-black images are the dark skin-tone variants.
        var bw = faces.Select(f => (Grey(f, Condition.SkinTone) + Grey(f, Condition.SkinToneAge) - Grey(f, Condition.Original) - Grey(f, Condition.Age)) / 2.0 / 255).Average();
        Assert.Equal(bw, report.BlackMinusWhite.Value!.Value, 1e-6);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_model_that_adds_a_constant_for_darker_images_shows_exactly_that_constant(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var study = await FairnessStudy.AddAsync(database, 5, Grey);
        var id = await AddAuditAsync(database, study.StudyId, DarkBonus(1.75f), Manifest());

        await Job(database).RunAsync(id, CancellationToken.None);

        var report = JsonSerializer.Deserialize<FairnessAuditReport>((await ReadAsync(database, id)).ResultJson!, FairnessJson.Options)!;
        Assert.Equal(1.75, report.SkinTone.Value!.Value, 6);
        Assert.Equal(1.75, report.SkinTone.Lower!.Value, 6);
        Assert.Equal(1.75, report.SkinTone.Upper!.Value, 6);
        Assert.Equal(0, report.Age.Value!.Value, 6);
        Assert.Equal(1.75, report.Both.Value!.Value, 6);
        Assert.Equal(1.75, report.BlackMinusWhite.Value!.Value, 6);
        Assert.Equal(0, report.SeniorMinusYoung.Value!.Value, 6);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_manifest_that_does_not_match_the_model_fails_the_audit_with_the_reason(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var study = await FairnessStudy.AddAsync(database, 2, Grey);
        var model = TinyOnnxModels.ChannelMeanRegressor(PainBias.TestSupport.Onnx.TensorLayout.Nchw, 32, [1 / 3f, 1 / 3f, 1 / 3f], 0).ToBytes();
        var id = await AddAuditAsync(database, study.StudyId, model, Manifest(input: "pixels", size: 48));

        await Job(database).RunAsync(id, CancellationToken.None);

        var audit = await ReadAsync(database, id);
        Assert.Equal(AnalysisStatus.Failed, audit.Status);
        Assert.Null(audit.ResultJson);
        Assert.Contains("The model has no input named 'pixels'; its inputs are 'input' [?, 3, 32, 32].", audit.Error);
    }

    [Fact]
    public void A_wrong_size_is_refused_when_the_model_is_loaded()
    {
        var model = TinyOnnxModels.ChannelMeanRegressor(PainBias.TestSupport.Onnx.TensorLayout.Nchw, 32, [1 / 3f, 1 / 3f, 1 / 3f], 0).ToBytes();
        var e = Assert.Throws<QualityModelException>(() => OnnxPainModel.Load(Cpu, model, Manifest(size: 48)));
        Assert.Contains("has shape [?, 3, 32, 32], but the manifest (NCHW, 48×48, 3 channel(s)) feeds [1, 3, 48, 48]", e.Message);
        var embedding = TinyOnnxModels.ChannelMeanEmbedding(PainBias.TestSupport.Onnx.TensorLayout.Nchw, 32, output: "output").ToBytes();
        var many = Assert.Throws<QualityModelException>(() => OnnxPainModel.Load(Cpu, embedding, Manifest()));
        Assert.Contains("a pain model must give one number per image", many.Message);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task NaN_output_fails_the_audit_and_stores_no_report(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var study = await FairnessStudy.AddAsync(database, 2, Grey);
        var model = TinyOnnxModels.ChannelMeanRegressor(PainBias.TestSupport.Onnx.TensorLayout.Nchw, 32, [1 / 3f, 1 / 3f, 1 / 3f], float.NaN).ToBytes();
        var id = await AddAuditAsync(database, study.StudyId, model, Manifest());

        await Job(database).RunAsync(id, CancellationToken.None);

        var audit = await ReadAsync(database, id);
        Assert.Equal(AnalysisStatus.Failed, audit.Status);
        Assert.Null(audit.ResultJson);
        Assert.Equal("The model 'test-pain' gave NaN for face 'S000' Original; the audit stopped and reports nothing.", audit.Error);
    }
}
