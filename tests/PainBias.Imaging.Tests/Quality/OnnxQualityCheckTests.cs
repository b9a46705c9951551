using PainBias.Core.Domain;
using PainBias.Imaging.Inference;
using PainBias.Imaging.Quality.Onnx;
using PainBias.TestSupport.Onnx;
using SkiaSharp;
using Layout = PainBias.TestSupport.Onnx.TensorLayout;
using ManifestLayout = PainBias.Imaging.Inference.ImageLayout;

namespace PainBias.Imaging.Tests.Quality;

/// <summary>Check models built by the test, on solid images, so every score has a closed form.</summary>
public sealed class OnnxQualityCheckTests
{
    private static readonly OnnxSessionFactory Cpu = new(new InferenceOptions { PreferCuda = false });

    private static QualityModelManifest Manifest(QualityModelKind kind, double threshold, ManifestLayout layout = ManifestLayout.Nchw,
        int size = 16, string input = "input", string output = "output", double[]? range = null) => new()
    {
        Name = kind.ToString().ToLowerInvariant(),
        Kind = kind,
        Input = new QualityModelInput { Name = input, Layout = layout, Width = size, Height = size, Channels = 3, Range = range ?? [0, 1] },
        Output = new QualityModelOutput { Name = output },
        Threshold = threshold,
    };

    [Theory]
    [InlineData(Layout.Nchw, ManifestLayout.Nchw)]
    [InlineData(Layout.Nhwc, ManifestLayout.Nhwc)]
    public void Face_verification_is_the_cosine_of_the_embeddings(Layout layout, ManifestLayout manifestLayout)
    {
        var model = TinyOnnxModels.ChannelMeanEmbedding(layout, 16).ToBytes();
        using var check = OnnxQualityCheck.Load(Cpu, model, Manifest(QualityModelKind.FaceVerification, 0.9, manifestLayout, output: "embedding"));
        using var grey = TestImages.Solid(40, 40, new SKColor(100, 100, 100));
        using var red = TestImages.Solid(40, 40, new SKColor(255, 0, 0));
        using var pink = TestImages.Solid(40, 40, new SKColor(255, 0, 255));

        var same = check.Evaluate(grey, grey, Condition.SkinTone);
        var differs = check.Evaluate(grey, red, Condition.SkinTone);
        var half = check.Evaluate(red, pink, Condition.SkinTone);

        Assert.Equal((1.0, true), (Math.Round(same.Value, 6), same.Passed));
        // (1,1,1)·(1,0,0) / (√3 · 1) = 1/√3; (1,0,0)·(1,0,1) / (1 · √2) = 1/√2.
        Assert.Equal(1 / Math.Sqrt(3), differs.Value, 5);
        Assert.False(differs.Passed);
        Assert.Contains("below 0.9", differs.Reason);
        Assert.Equal(1 / Math.Sqrt(2), half.Value, 5);
    }

    [Fact]
    public void Deepfake_score_passes_at_or_below_the_threshold()
    {
        // score = mean of the three channels in [0, 1]: brightness stands in for "looks fake".
        var model = TinyOnnxModels.ChannelMeanRegressor(Layout.Nchw, 16, [1 / 3f, 1 / 3f, 1 / 3f], 0).ToBytes();
        using var check = OnnxQualityCheck.Load(Cpu, model, Manifest(QualityModelKind.DeepfakeDetector, 0.5));
        using var dark = TestImages.Solid(32, 32, new SKColor(51, 51, 51));
        using var light = TestImages.Solid(32, 32, new SKColor(204, 204, 204));

        var pass = check.Evaluate(light, dark, Condition.SkinTone);
        var fail = check.Evaluate(dark, light, Condition.SkinTone);

        Assert.Equal((0.2, true), (Math.Round(pass.Value, 5), pass.Passed));
        Assert.Equal((0.8, false), (Math.Round(fail.Value, 5), fail.Passed));
        Assert.Equal(0.2, fail.OriginalValue!.Value, 5);
        Assert.Contains("fake score 0.8", fail.Reason);
    }

    [Fact]
    public void Age_difference_is_bounded_only_when_the_condition_keeps_age()
    {
        // "age" = 100 × mean brightness in [0, 1], through a [-1, 1] input range: 50 × (mean + 1).
        var model = TinyOnnxModels.ChannelMeanRegressor(Layout.Nchw, 16, [50 / 3f, 50 / 3f, 50 / 3f], 50).ToBytes();
        using var check = OnnxQualityCheck.Load(Cpu, model, Manifest(QualityModelKind.AgeEstimator, 5, range: [-1, 1]));
        using var a = TestImages.Solid(32, 32, new SKColor(102, 102, 102));
        using var b = TestImages.Solid(32, 32, new SKColor(153, 153, 153));

        var skin = check.Evaluate(a, b, Condition.SkinTone);
        var age = check.Evaluate(a, b, Condition.Age);
        var near = check.Evaluate(a, a, Condition.SkinTone);

        Assert.Equal(20, skin.Value, 3);
        Assert.Equal(40, skin.OriginalValue!.Value, 3);
        Assert.False(skin.Passed);
        Assert.Contains("moved by +20 years", skin.Reason);
        Assert.Null(age.Passed);
        Assert.Null(age.Reason);
        Assert.Equal(20, age.Value, 3);
        Assert.True(near.Passed);
    }

    [Fact]
    public void A_manifest_that_does_not_match_the_model_is_refused_with_every_mismatch()
    {
        var model = TinyOnnxModels.ChannelMeanEmbedding(Layout.Nchw, 16).ToBytes();

        var layout = Assert.Throws<QualityModelException>(() =>
            OnnxQualityCheck.Load(Cpu, model, Manifest(QualityModelKind.FaceVerification, 0.5, ManifestLayout.Nhwc, output: "embedding")));
        var names = Assert.Throws<QualityModelException>(() =>
            OnnxQualityCheck.Load(Cpu, model, Manifest(QualityModelKind.FaceVerification, 0.5, input: "data", output: "fc1")));
        var kind = Assert.Throws<QualityModelException>(() =>
            OnnxQualityCheck.Load(Cpu, model, Manifest(QualityModelKind.DeepfakeDetector, 0.5, output: "embedding")));
        var size = Assert.Throws<QualityModelException>(() =>
            OnnxQualityCheck.Load(Cpu, model, Manifest(QualityModelKind.FaceVerification, 0.5, size: 112, output: "embedding")));

        Assert.Contains("has shape [?, 3, 16, 16]", layout.Message);
        Assert.Contains("feeds [1, 16, 16, 3]", layout.Message);
        Assert.Equal(2, names.Problems.Count);
        Assert.Contains("no input named 'data'; its inputs are 'input' [?, 3, 16, 16]", names.Problems[0]);
        Assert.Contains("no output named 'fc1'; its outputs are 'embedding'", names.Problems[1]);
        Assert.Contains("3 numbers per image, but a DeepfakeDetector must give one", kind.Message);
        Assert.Contains("112×112", size.Message);
    }

    [Fact]
    public void Bad_manifests_and_non_models_get_clear_errors()
    {
        var json = Assert.Throws<QualityModelException>(() => QualityModelManifest.Parse("{ not json"));
        var empty = Assert.Throws<QualityModelException>(() => QualityModelManifest.Parse("{}"));
        var notModel = Assert.Throws<QualityModelException>(() =>
            OnnxQualityCheck.Load(Cpu, "PK\u0003\u0004 a zip, not a model"u8.ToArray(), Manifest(QualityModelKind.DeepfakeDetector, 0.5)));

        Assert.Contains("not valid JSON", json.Message);
        Assert.Contains(empty.Problems, p => p.StartsWith("\"name\" is required"));
        Assert.Contains(empty.Problems, p => p.StartsWith("\"kind\" is required: one of FaceVerification, DeepfakeDetector, AgeEstimator"));
        Assert.Contains(empty.Problems, p => p.StartsWith("\"input\" is required"));
        Assert.Contains(empty.Problems, p => p.StartsWith("\"threshold\" is required"));
        Assert.Contains("cannot load the model file", notModel.Message);
    }

    [Fact]
    public void A_manifest_round_trips_through_json()
    {
        const string json = """
            { "name": "arcface", "kind": "FaceVerification",
              "input": { "name": "data", "layout": "NHWC", "width": 112, "height": 112, "channels": 3, "range": [-1, 1] },
              "output": { "name": "fc1" }, "threshold": 0.45 }
            """;

        var manifest = QualityModelManifest.Parse(json);

        Assert.Equal(ManifestLayout.Nhwc, manifest.Input!.Layout);
        Assert.Equal([-1.0, 1.0], manifest.Input.Range);
        Assert.Equal(manifest, QualityModelManifest.Parse(manifest.ToJson()) with { Input = manifest.Input });
    }
}
