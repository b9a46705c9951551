using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PainBias.Core.Domain;
using PainBias.Data;
using PainBias.Data.Entities;
using PainBias.Imaging.Editing;
using PainBias.Imaging.Editing.Onnx;
using PainBias.Imaging.Inference;
using PainBias.Imaging.Normalisation;
using PainBias.Jobs.Generation;
using PainBias.TestSupport;
using PainBias.TestSupport.Onnx;
using SkiaSharp;
using Layout = PainBias.TestSupport.Onnx.TensorLayout;

namespace PainBias.Jobs.Tests.Generation;

/// <summary>The generation job on real photos, BlazeFace, the built-in editor, test-built ONNX editors and both databases.</summary>
public class GenerateVariantsJobTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers;

    private static readonly (string, string, Race)[] ThreeFaces =
    [
        ("hopper", "hopper.jpg", Race.W),
        ("salley", "John_Salley_000179_02159509.jpg", Race.B),
        ("cruise", "Tom_Cruise_avp_2014_4.jpg", Race.W),
    ];

    private static OnnxEditorManifest Manifest(string name, string condition, int size = 64, double[]? range = null, int maxBatch = 8, float margin = 0.25f) => new()
    {
        Name = name,
        Condition = condition,
        Input = new ImageTensorSpec { Name = "input", Layout = ImageLayout.Nchw, Width = size, Height = size, Range = range ?? [-1, 1] },
        Output = new EditorOutput { Name = "output" },
        Alignment = new EditorAlignment { Margin = margin },
        MaxBatch = maxBatch,
    };

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Skin_tone_variants_go_opposite_to_each_faces_race_with_provenance_and_a_retry_makes_no_duplicates(DatabaseProvider provider)
    {
        await using var harness = await GenerationHarness.CreateAsync(provider, faces: ThreeFaces);
        await using (var db = await harness.Database.ContextAsync())
            await harness.AddFaceAsync(db, "group", GenerationHarness.Photo("bald_guys_crop.jpg"), Race.W);
        var runId = await harness.AddRunAsync(new GenerationRequest(SkinToneStrength: 0.8, Seed: 42));

        await harness.Job().RunAsync(runId, CancellationToken.None);

        var run = await harness.RunRowAsync(runId);
        Assert.Equal((GenerationState.Finished, 4, 3, 0, 1), (run.State, run.Total, run.Created, run.Skipped, run.Failed));
        var failure = Assert.Single(JsonSerializer.Deserialize<List<GenerationFailure>>(run.FailuresJson!, GenerationRequest.Json)!);
        Assert.Equal(("group", Condition.SkinTone, GenerateVariantsJob.BuiltInEditor), (failure.Face, failure.Condition, failure.Editor));
        Assert.Contains("faces were found; a study image must show exactly one person", failure.Message);

        var variants = (await harness.VariantsAsync(Condition.SkinTone)).ToDictionary(v => v.SourceFaceId);
        Assert.Equal(3, variants.Count);
        foreach (var (label, file, race) in ThreeFaces)
        {
            var variant = variants[harness.Faces[label]];
            Assert.Equal(GenerateVariantsJob.BuiltInEditor, variant.Editor);
            Assert.Null(variant.ModelSha256);
            Assert.Equal(42, variant.Seed);
            Assert.Equal(Environment.MachineName, variant.Node);
            Assert.InRange(variant.CreatedAt, run.StartedAt!.Value, run.FinishedAt!.Value);
            using var parameters = JsonDocument.Parse(variant.ParametersJson!);
            Assert.Equal(0.8, parameters.RootElement.GetProperty("strength").GetDouble());
            Assert.Equal(race == Race.W ? "darker" : "lighter", parameters.RootElement.GetProperty("target").GetString());
            Assert.Equal(128, parameters.RootElement.GetProperty("size").GetInt32());

            // The stored image is exactly the built-in editor's output on the normalised face, and moved the way the race says.
            var normalised = GenerationHarness.Normaliser.Normalise(GenerationHarness.Photo(file), new NormaliseOptions(128));
            using var aligned = SKBitmap.Decode(normalised.Png);
            using var expected = new SkinToneEditor().Edit(aligned, normalised.Aligned, new SkinToneOptions(0.8, race == Race.W ? SkinTarget.Darker : SkinTarget.Lighter));
            using var stored = SKBitmap.Decode(await harness.BytesAsync(variant.ImageSha256));
            Assert.Equal((128, 128), (stored.Width, stored.Height));
            Assert.Equal(expected.Copy(SKColorType.Rgba8888).Bytes, stored.Copy(SKColorType.Rgba8888).Bytes);
            var moved = Brightness(stored) - Brightness(aligned);
            Assert.True(race == Race.W ? moved < -0.01 : moved > 0.01, $"{label}: brightness moved by {moved:0.###}");
        }
        Assert.Contains("QualityCheckJob", harness.Queued(Queues.Default));

        // A crash after the first variant: the run row still says Running and two variants are gone. The retry makes those two only.
        var kept = variants[harness.Faces["hopper"]];
        await using (var db = await harness.Database.ContextAsync())
        {
            await db.Variants.Where(v => v.Condition == Condition.SkinTone && v.Id != kept.Id).ExecuteDeleteAsync();
            await db.GenerationRuns.Where(r => r.Id == runId).ExecuteUpdateAsync(s => s.SetProperty(r => r.State, GenerationState.Running));
        }
        await harness.Job().RunAsync(runId, CancellationToken.None);
        var retried = await harness.RunRowAsync(runId);
        Assert.Equal((GenerationState.Finished, 2, 1, 1), (retried.State, retried.Created, retried.Skipped, retried.Failed));
        var after = await harness.VariantsAsync(Condition.SkinTone);
        Assert.Equal(3, after.Count);
        Assert.Contains(after, v => v.Id == kept.Id && v.CreatedAt == kept.CreatedAt);

        // A finished run is not run again; a new run for the same study finds everything made.
        await harness.Job().RunAsync(runId, CancellationToken.None);
        var again = await harness.AddRunAsync(new GenerationRequest(SkinToneStrength: 0.8));
        await harness.Job().RunAsync(again, CancellationToken.None);
        Assert.Equal((0, 3, 1), ((await harness.RunRowAsync(again)).Created, (await harness.RunRowAsync(again)).Skipped, (await harness.RunRowAsync(again)).Failed));
        Assert.Equal(3, (await harness.VariantsAsync(Condition.SkinTone)).Count);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Two_workers_on_one_run_store_each_variant_once(DatabaseProvider provider)
    {
        await using var harness = await GenerationHarness.CreateAsync(provider, faces: ThreeFaces);
        var runId = await harness.AddRunAsync(new GenerationRequest(SkinToneStrength: 0.5));

        await Task.WhenAll(Task.Run(() => harness.Job().RunAsync(runId, CancellationToken.None)), Task.Run(() => harness.Job().RunAsync(runId, CancellationToken.None)));

        var variants = await harness.VariantsAsync(Condition.SkinTone);
        Assert.Equal(3, variants.Count);
        Assert.Equal(3, variants.Select(v => v.SourceFaceId).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task An_onnx_age_editor_makes_its_condition_in_one_batch_and_chains_onto_skin_tone(DatabaseProvider provider)
    {
        await using var harness = await GenerationHarness.CreateAsync(provider, imageSize: 96, greyscale: true, faces: ThreeFaces);
        // "Ageing" stand-in: a per-channel affine map with a closed form, on [-1, 1] NCHW input, dynamic batch.
        var model = TinyOnnxModels.ChannelAffine(Layout.Nchw, 64, [0.8f, 0.7f, 0.6f], [0.1f, 0.1f, 0.1f]).ToBytes();
        var manifest = Manifest("stand-in-age", "Age");
        var editor = await harness.AddEditorAsync(manifest, model);
        var runId = await harness.AddRunAsync(new GenerationRequest(SkinToneStrength: 0.6, EditorIds: [editor.Id], ChainSkinToneAge: true, Seed: 7));

        await harness.Job().RunAsync(runId, CancellationToken.None);

        var run = await harness.RunRowAsync(runId);
        Assert.Equal((GenerationState.Finished, 9, 9, 0), (run.State, run.Total, run.Created, run.Failed));
        var age = (await harness.VariantsAsync(Condition.Age)).ToDictionary(v => v.SourceFaceId);
        var both = (await harness.VariantsAsync(Condition.SkinToneAge)).ToDictionary(v => v.SourceFaceId);
        var skin = (await harness.VariantsAsync(Condition.SkinTone)).ToDictionary(v => v.SourceFaceId);
        using var direct = OnnxEditor.Load(GenerationHarness.Cpu, model, manifest);
        Assert.Equal(8, direct.BatchSize);
        foreach (var (label, file, _) in ThreeFaces)
        {
            var variant = age[harness.Faces[label]];
            Assert.Equal(("onnx:stand-in-age", Convert.ToHexStringLower(SHA256.HashData(model)), 7), (variant.Editor, variant.ModelSha256, variant.Seed));
            using var parameters = JsonDocument.Parse(variant.ParametersJson!);
            Assert.Equal("stand-in-age", parameters.RootElement.GetProperty("manifest").GetProperty("name").GetString());
            Assert.Equal(0.25, parameters.RootElement.GetProperty("margin").GetDouble(), 6);

            // The same editor run by hand on the face aligned as the study's Original gives the stored pixels.
            var aligned = GenerationHarness.Normaliser.Normalise(GenerationHarness.Photo(file), new NormaliseOptions(64, false));
            using var input = SKBitmap.Decode(aligned.Png);
            using var expected = direct.EditToSize([input], 96, greyscale: true)[0];
            using var stored = SKBitmap.Decode(await harness.BytesAsync(variant.ImageSha256));
            Assert.Equal(expected.Bytes, (stored.ColorType == SKColorType.Gray8 ? stored : Greyscale.ToGray8(stored)).Bytes);

            var chained = both[harness.Faces[label]];
            Assert.Equal("onnx:stand-in-age on skin tone", chained.Editor);
            using var chainParameters = JsonDocument.Parse(chained.ParametersJson!);
            Assert.Equal(skin[harness.Faces[label]].ImageSha256, chainParameters.RootElement.GetProperty("source").GetString());
            Assert.NotEqual(variant.ImageSha256, chained.ImageSha256);
        }
    }

    [Fact]
    public async Task An_editor_with_its_own_crop_is_put_back_into_the_originals_frame()
    {
        await using var harness = await GenerationHarness.CreateAsync(DatabaseProvider.Sqlite, imageSize: 96, greyscale: true, faces: ThreeFaces);
        // An editor that changes nothing but wants a looser crop (margin 0.6): its output must still line up with the
        // Original, which is aligned with the normalisation's 0.25.
        var model = TinyOnnxModels.Identity(Layout.Nchw, 224).ToBytes();
        var editor = await harness.AddEditorAsync(Manifest("loose-identity", "Age", size: 224, range: [0, 1], margin: 0.6f), model);
        var runId = await harness.AddRunAsync(new GenerationRequest(SkinToneStrength: null, EditorIds: [editor.Id], ChainSkinToneAge: false, Seed: 1));

        await harness.Job().RunAsync(runId, CancellationToken.None);

        var age = await harness.VariantsAsync(Condition.Age);
        Assert.Equal(ThreeFaces.Length, age.Count);
        foreach (var (label, file, _) in ThreeFaces)
        {
            var variant = age.Single(v => v.SourceFaceId == harness.Faces[label]);
            var original = GenerationHarness.Normaliser.Normalise(GenerationHarness.Photo(file), new NormaliseOptions(96, true));
            using var expected = SKBitmap.Decode(original.Png);
            using var stored = SKBitmap.Decode(await harness.BytesAsync(variant.ImageSha256));
            var expectedGrey = expected.ColorType == SKColorType.Gray8 ? expected : Greyscale.ToGray8(expected);
            var storedGrey = stored.ColorType == SKColorType.Gray8 ? stored : Greyscale.ToGray8(stored);
            // Only resampling separates them (1.8 levels on hopper); left at the editor's zoom they differ by 60.
            var meanDifference = expectedGrey.Bytes.Zip(storedGrey.Bytes, (a, b) => Math.Abs(a - b)).Average();
            Assert.True(meanDifference < 3, $"{label}: mean |difference| {meanDifference:0.0} grey levels from the Original");
        }
    }

    [Fact]
    public async Task A_face_the_model_fails_on_is_recorded_and_the_other_faces_of_its_batch_go_on()
    {
        var faces = ThreeFaces[..2];
        await using var harness = await GenerationHarness.CreateAsync(DatabaseProvider.Sqlite, faces: faces);
        // out = input + 0 · log(min pixel): finite for every face except one with a pure black pixel, where log(0) · 0 is NaN.
        var model = new OnnxModelBuilder()
            .Input("input", "batch", 3, 64, 64).Output("output", "batch", 3, 64, 64)
            .Constant("zero", [1], 0f)
            .Node("ReduceMin", ["input"], ["least"], OnnxModelBuilder.Ints("axes", 1, 2, 3), OnnxModelBuilder.Int("keepdims", 1))
            .Node("Log", ["least"], ["log"])
            .Node("Mul", ["log", "zero"], ["nothing"])
            .Node("Add", ["input", "nothing"], ["output"]).ToBytes();
        var manifest = Manifest("fragile", "SkinTone", range: [0, 1]);
        var editor = await harness.AddEditorAsync(manifest, model);
        using var blacked = SKBitmap.Decode(GenerationHarness.Photo("John_Simm_000288_00470387.jpg"));
        using (var canvas = new SKCanvas(blacked))
            canvas.DrawRect(SKRect.Create(blacked.Width * 0.45f, blacked.Height * 0.05f, blacked.Width * 0.1f, blacked.Height * 0.1f), new SKPaint { Color = SKColors.Black });
        await using (var db = await harness.Database.ContextAsync())
            await harness.AddFaceAsync(db, "simm", Encode(blacked), Race.W);
        // Honest precondition: only the painted face has a black pixel once aligned.
        foreach (var (label, file, _) in faces)
        {
            using var input = SKBitmap.Decode(GenerationHarness.Normaliser.Normalise(GenerationHarness.Photo(file), new NormaliseOptions(64, false, 0.3f)).Png);
            Assert.True(input.Pixels.All(p => p.Red > 0 && p.Green > 0 && p.Blue > 0), $"{label} has a black pixel");
        }
        var runId = await harness.AddRunAsync(new GenerationRequest(SkinToneStrength: null, EditorIds: [editor.Id]));

        await harness.Job().RunAsync(runId, CancellationToken.None);

        var run = await harness.RunRowAsync(runId);
        Assert.Equal((GenerationState.Finished, 3, 2, 1), (run.State, run.Total, run.Created, run.Failed));
        var failure = Assert.Single(JsonSerializer.Deserialize<List<GenerationFailure>>(run.FailuresJson!, GenerationRequest.Json)!);
        Assert.Equal(("simm", "onnx:fragile"), (failure.Face, failure.Editor));
        Assert.Contains("returned NaN or infinite values", failure.Message);
        Assert.DoesNotContain(await harness.VariantsAsync(Condition.SkinTone), v => v.SourceFaceId == harness.Faces["simm"]);
    }

    [Fact]
    public async Task An_editor_that_no_longer_loads_fails_its_items_with_the_reason()
    {
        await using var harness = await GenerationHarness.CreateAsync(DatabaseProvider.Sqlite, faces: ThreeFaces[..1]);
        // Stored before validation, say: the manifest names an input the model lacks.
        var editor = await harness.AddEditorAsync(Manifest("broken", "Age") with { Input = new ImageTensorSpec { Name = "pixels", Width = 64, Height = 64 } },
            TinyOnnxModels.Identity(Layout.Nchw, 64).ToBytes());
        var runId = await harness.AddRunAsync(new GenerationRequest(SkinToneStrength: 0.5, EditorIds: [editor.Id, Guid.NewGuid()]));

        await harness.Job().RunAsync(runId, CancellationToken.None);

        var run = await harness.RunRowAsync(runId);
        Assert.Equal((GenerationState.Finished, 1, 2), (run.State, run.Created, run.Failed));
        var failures = JsonSerializer.Deserialize<List<GenerationFailure>>(run.FailuresJson!, GenerationRequest.Json)!;
        Assert.Contains(failures, f => f.Editor == "onnx:broken" && f.Message.Contains("no input named 'pixels'"));
        Assert.Contains(failures, f => f.Message.Contains("not (or no longer) part of the study"));
    }

    private static double Brightness(SKBitmap bitmap) => bitmap.Pixels.Average(p => (p.Red + p.Green + p.Blue) / 3.0) / 255;

    private static byte[] Encode(SKBitmap bitmap)
    {
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}
