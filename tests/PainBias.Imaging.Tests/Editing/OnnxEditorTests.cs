using PainBias.Core.Domain;
using PainBias.Imaging.Decoding;
using PainBias.Imaging.Editing.Onnx;
using PainBias.Imaging.Inference;
using PainBias.Imaging.Normalisation;
using PainBias.TestSupport.Onnx;
using SkiaSharp;
using Layout = PainBias.TestSupport.Onnx.TensorLayout;
using ManifestLayout = PainBias.Imaging.Inference.ImageLayout;

namespace PainBias.Imaging.Tests.Editing;

/// <summary>ONNX editors built by the tests (per-channel affine maps, a strength input, NaN, a transposed output) on real aligned faces.</summary>
public sealed class OnnxEditorTests
{
    private const int Size = 64;
    private static readonly OnnxSessionFactory Cpu = new(new InferenceOptions { PreferCuda = false });

    private static readonly Lazy<SKBitmap[]> Faces = new(() =>
    [
        .. new[] { "hopper.jpg", "Tom_Cruise_avp_2014_4.jpg", "John_Salley_000179_02159509.jpg", "collins-astronaut.png" }.Select(name =>
        {
            var face = new FaceNormaliser(new ImageDecoder(), TestImages.Detector).Normalise(TestImages.Bytes(name), new NormaliseOptions(Size));
            return SKBitmap.Decode(face.Png);
        }),
    ]);

    private static OnnxEditorManifest Manifest(ManifestLayout layout = ManifestLayout.Nchw, double[]? range = null, int size = Size,
        string input = "input", string output = "output", EditorStrength? strength = null, int maxBatch = OnnxEditorManifest.DefaultMaxBatch) => new()
    {
        Name = "test-editor",
        Condition = "SkinTone",
        Input = new ImageTensorSpec { Name = input, Layout = layout, Width = size, Height = size, Channels = 3, Range = range ?? [0, 1] },
        Output = new EditorOutput { Name = output },
        Strength = strength,
        MaxBatch = maxBatch,
    };

    private static Layout Test(ManifestLayout layout) => layout == ManifestLayout.Nchw ? Layout.Nchw : Layout.Nhwc;

    private static SKColor Pixel(SKBitmap bitmap, int x, int y)
    {
        using var rgba = bitmap.Copy(SKColorType.Rgba8888);
        return rgba.GetPixel(x, y);
    }

    public static TheoryData<ManifestLayout, double, double> LayoutsAndRanges => new()
    {
        { ManifestLayout.Nchw, 0, 1 }, { ManifestLayout.Nhwc, 0, 1 },
        { ManifestLayout.Nchw, -1, 1 }, { ManifestLayout.Nhwc, -1, 1 },
        { ManifestLayout.Nchw, 0, 255 }, { ManifestLayout.Nhwc, 0, 255 },
    };

    [Theory]
    [MemberData(nameof(LayoutsAndRanges))]
    public void A_per_channel_affine_editor_gives_its_closed_form_on_every_pixel_of_a_real_face(ManifestLayout layout, double lo, double hi)
    {
        // out_c = in_c · scale_c + offset_c in the model's units; offsets are a tenth of the range, so every channel moves differently.
        float[] scale = [1f, 0.5f, 0.25f];
        float[] offset = [0, (float)((hi - lo) * 0.1), (float)((hi - lo) * 0.2)];
        var model = TinyOnnxModels.ChannelAffine(Test(layout), Size, scale, offset).ToBytes();
        using var editor = OnnxEditor.Load(Cpu, model, Manifest(layout, [lo, hi]));
        var face = Faces.Value[0];
        using var input = face.Copy(SKColorType.Rgba8888);

        using var edited = editor.Edit(face);

        Assert.Equal((Size, Size, SKColorType.Rgba8888), (edited.Width, edited.Height, edited.ColorType));
        var (exact, worst) = (0, 0);
        for (var y = 0; y < Size; y++)
        {
            for (var x = 0; x < Size; x++)
            {
                var (p, q) = (input.GetPixel(x, y), edited.GetPixel(x, y));
                byte[] before = [p.Red, p.Green, p.Blue];
                byte[] after = [q.Red, q.Green, q.Blue];
                for (var c = 0; c < 3; c++)
                {
                    var v = lo + (before[c] * (hi - lo) / 255);
                    var expected = Math.Clamp(Math.Round((((v * scale[c]) + offset[c]) - lo) * 255 / (hi - lo), MidpointRounding.AwayFromZero), 0, 255);
                    var error = (int)Math.Abs(expected - after[c]);
                    worst = Math.Max(worst, error);
                    exact += error == 0 ? 1 : 0;
                }
            }
        }

        // Float32 arithmetic may round a value at .5 the other way; nothing else may differ.
        Assert.InRange(worst, 0, 1);
        Assert.True(exact > Size * Size * 3 * 0.95, $"{exact} of {Size * Size * 3} channel values exact");
    }

    [Theory]
    [InlineData(0, 1, 200, 60, 30)]
    [InlineData(0, 255, 200, 60, 30)]
    // [-1, 1] with scale ½ and no offset: pixel p becomes 63.75 + p/2 in every channel.
    [InlineData(-1, 1, 164, 114, 84)]
    public void Value_ranges_map_pixels_as_worked_out_by_hand(double lo, double hi, byte r, byte g, byte b)
    {
        var half = lo < 0;
        float[] scale = half ? [0.5f, 0.5f, 0.5f] : [1f, 0.5f, 0.25f];
        float[] offset = half ? [0, 0, 0] : [0, (float)(10 * (hi - lo) / 255), (float)(20 * (hi - lo) / 255)];
        using var editor = OnnxEditor.Load(Cpu, TinyOnnxModels.ChannelAffine(Layout.Nhwc, 16, scale, offset).ToBytes(),
            Manifest(ManifestLayout.Nhwc, [lo, hi], 16));
        using var solid = TestImages.Solid(40, 30, new SKColor(200, 100, 40));

        using var edited = editor.Edit(solid);

        Assert.Equal(new SKColor(r, g, b), Pixel(edited, 7, 7));
    }

    [Fact]
    public void A_one_channel_editor_is_fed_luma_and_gives_a_greyscale_image()
    {
        var model = new OnnxModelBuilder().Input("input", "batch", 1, 16, 16).Output("output", "batch", 1, 16, 16)
            .Node("Identity", ["input"], ["output"]).ToBytes();
        var manifest = Manifest(size: 16, range: [0, 255]) with
        {
            Input = new ImageTensorSpec { Name = "input", Width = 16, Height = 16, Channels = 1, Range = [0, 255] },
        };
        using var editor = OnnxEditor.Load(Cpu, model, manifest);
        using var solid = TestImages.Solid(16, 16, new SKColor(200, 100, 40));

        using var edited = editor.Edit(solid);

        // Rec. 601: 0.299 · 200 + 0.587 · 100 + 0.114 · 40 = 123.06.
        Assert.Equal(SKColorType.Gray8, edited.ColorType);
        Assert.All(edited.GetPixelSpan().ToArray(), v => Assert.Equal(123, v));
    }

    [Fact]
    public void The_strength_input_sets_how_far_the_edit_goes()
    {
        var strength = new EditorStrength { Name = "strength", Min = 0, Max = 1, Default = 1 };
        var model = TinyOnnxModels.ChannelShiftWithStrength(Layout.Nchw, 16, [0.4f, 0, -0.4f]).ToBytes();
        using var editor = OnnxEditor.Load(Cpu, model, Manifest(size: 16, strength: strength));
        using var solid = TestImages.Solid(16, 16, new SKColor(100, 100, 100));

        using var halfway = editor.Edit(solid, 0.5);
        using var none = editor.Edit(solid, 0);
        using var byDefault = editor.Edit(solid);

        // 0.5 · 0.4 of the [0, 1] range is 51 pixel levels.
        Assert.Equal(new SKColor(151, 100, 49), Pixel(halfway, 3, 3));
        Assert.Equal(new SKColor(100, 100, 100), Pixel(none, 3, 3));
        Assert.Equal(new SKColor(202, 100, 0), Pixel(byDefault, 3, 3));
        var outside = Assert.Throws<OnnxEditorException>(() => editor.Edit(solid, 1.5));
        Assert.Contains("outside 0..1", outside.Message);
        Assert.Equal(0.25, editor.EffectiveStrength(0.25));
    }

    [Fact]
    public void A_dynamic_batch_runs_several_faces_at_once_with_the_same_pixels_as_one_by_one()
    {
        var model = TinyOnnxModels.ChannelAffine(Layout.Nchw, Size, [0.9f, 0.7f, 0.5f], [0.05f, 0.1f, 0.15f]).ToBytes();
        using var batched = OnnxEditor.Load(Cpu, model, Manifest());
        using var chunked = OnnxEditor.Load(Cpu, model, Manifest(maxBatch: 3));
        using var single = OnnxEditor.Load(Cpu, TinyOnnxModels.ChannelAffine(Layout.Nchw, Size, [0.9f, 0.7f, 0.5f], [0.05f, 0.1f, 0.15f], dynamicBatch: false).ToBytes(), Manifest());
        var faces = Faces.Value;

        var all = batched.Edit(faces);
        var inThrees = chunked.Edit(faces);
        var oneByOne = faces.Select(f => single.Edit(f)).ToList();

        Assert.Equal((8, 3, 1), (batched.BatchSize, chunked.BatchSize, single.BatchSize));
        Assert.Equal(faces.Length, all.Count);
        for (var i = 0; i < faces.Length; i++)
        {
            Assert.Equal(oneByOne[i].Bytes, all[i].Bytes);
            Assert.Equal(oneByOne[i].Bytes, inThrees[i].Bytes);
        }

        // Different faces stay different: the batch is not one face repeated.
        Assert.NotEqual(all[0].Bytes, all[1].Bytes);
    }

    [Fact]
    public void Edited_faces_come_back_at_the_study_size_and_in_greyscale_when_asked()
    {
        using var editor = OnnxEditor.Load(Cpu, TinyOnnxModels.Identity(Layout.Nchw, 32).ToBytes(), Manifest(size: 32));
        var result = editor.EditToSize(Faces.Value[..2], 96, greyscale: true);

        Assert.All(result, b => Assert.Equal((96, 96, SKColorType.Gray8), (b.Width, b.Height, b.ColorType)));
    }

    [Fact]
    public void A_manifest_that_does_not_match_the_model_is_refused_naming_each_mismatch()
    {
        var plain = TinyOnnxModels.ChannelAffine(Layout.Nchw, 16, [1, 1, 1], [0, 0, 0]).ToBytes();
        var withStrength = TinyOnnxModels.ChannelShiftWithStrength(Layout.Nchw, 16, [0.1f, 0.1f, 0.1f]).ToBytes();
        var fixedTwo = new OnnxModelBuilder().Input("input", 2, 3, 16, 16).Output("output", 2, 3, 16, 16).Node("Identity", ["input"], ["output"]).ToBytes();

        var names = Assert.Throws<OnnxEditorException>(() => OnnxEditor.Load(Cpu, plain, Manifest(size: 16, input: "image", output: "edited")));
        var layout = Assert.Throws<OnnxEditorException>(() => OnnxEditor.Load(Cpu, plain, Manifest(ManifestLayout.Nhwc, size: 16)));
        var size = Assert.Throws<OnnxEditorException>(() => OnnxEditor.Load(Cpu, plain, Manifest(size: 256)));
        var undeclared = Assert.Throws<OnnxEditorException>(() => OnnxEditor.Load(Cpu, withStrength, Manifest(size: 16)));
        var strengthName = Assert.Throws<OnnxEditorException>(() => OnnxEditor.Load(Cpu, withStrength, Manifest(size: 16, strength: new EditorStrength { Name = "alpha" })));
        var batch = Assert.Throws<OnnxEditorException>(() => OnnxEditor.Load(Cpu, fixedTwo, Manifest(size: 16)));
        var notModel = Assert.Throws<OnnxEditorException>(() => OnnxEditor.Load(Cpu, "not a model"u8.ToArray(), Manifest(size: 16)));

        Assert.Equal(2, names.Problems.Count);
        Assert.Contains("no input named 'image'; its inputs are 'input' [?, 3, 16, 16]", names.Problems[0]);
        Assert.Contains("no output named 'edited'; its outputs are 'output'", names.Problems[1]);
        Assert.Contains("has shape [?, 3, 16, 16], but the manifest (NHWC, 16×16, 3 channel(s)) feeds [1, 16, 16, 3]", layout.Message);
        Assert.Contains("256×256", size.Message);
        Assert.Contains("inputs the manifest does not describe (strength)", undeclared.Message);
        Assert.Contains("no input named 'alpha' for the strength", strengthName.Message);
        Assert.Contains("fixed batch of 2", batch.Message);
        Assert.Contains("ONNX Runtime cannot load the editor model", notModel.Message);
    }

    [Fact]
    public void NaN_output_and_an_output_of_the_wrong_shape_are_refused()
    {
        using var nan = OnnxEditor.Load(Cpu, TinyOnnxModels.NaNImage(Layout.Nhwc, 16).ToBytes(), Manifest(ManifestLayout.Nhwc, size: 16));
        // Channels last although the manifest says NCHW: ONNX Runtime infers the output shape, so loading refuses it.
        var transposed = new OnnxModelBuilder()
            .Input("input", "batch", 3, 16, 16).Output("output", "batch", "a", "b", "c")
            .Node("Transpose", ["input"], ["output"], OnnxModelBuilder.Ints("perm", 0, 2, 3, 1)).ToBytes();
        // Two images out for each one in: only a run can tell.
        var doubled = new OnnxModelBuilder()
            .Input("input", "batch", 3, 16, 16).Output("output", "n", 3, 16, 16)
            .Node("Concat", ["input", "input"], ["output"], OnnxModelBuilder.Int("axis", 0)).ToBytes();
        using var wrongBatch = OnnxEditor.Load(Cpu, doubled, Manifest(size: 16));
        using var solid = TestImages.Solid(16, 16, SKColors.Gray);

        var nanError = Assert.Throws<OnnxEditorException>(() => nan.Edit(solid));
        var layoutError = Assert.Throws<OnnxEditorException>(() => OnnxEditor.Load(Cpu, transposed, Manifest(size: 16)));
        var shapeError = Assert.Throws<OnnxEditorException>(() => wrongBatch.Edit(solid));

        Assert.Contains("returned NaN or infinite values", nanError.Message);
        Assert.Contains("16 channels in NCHW", layoutError.Message);
        Assert.Contains("with shape [2, 3, 16, 16] for 1 face(s)", shapeError.Message);
    }

    [Fact]
    public void Manifests_are_parsed_with_every_problem_listed()
    {
        var json = Assert.Throws<OnnxEditorException>(() => OnnxEditorManifest.Parse("{ nope"));
        var empty = Assert.Throws<OnnxEditorException>(() => OnnxEditorManifest.Parse("""{ "condition": "Original", "maxBatch": 0 }"""));
        var parsed = OnnxEditorManifest.Parse("""
            { "name": "sfe-age", "condition": "age",
              "input": { "name": "x", "layout": "NHWC", "width": 256, "height": 256, "range": [-1, 1] },
              "output": { "name": "y", "layout": "NCHW", "range": [0, 1] },
              "strength": { "name": "alpha", "min": -2, "max": 2, "default": 1 }, "alignment": { "margin": 0.4 } }
            """);

        Assert.Contains("not valid JSON", json.Message);
        Assert.Contains(empty.Problems, p => p.StartsWith("\"name\" is required"));
        Assert.Contains(empty.Problems, p => p.Contains("\"condition\" must be SkinTone, Age or SkinToneAge") && p.Contains("Original"));
        Assert.Contains(empty.Problems, p => p.StartsWith("\"input\" is required"));
        Assert.Contains(empty.Problems, p => p.StartsWith("\"output\""));
        Assert.Contains(empty.Problems, p => p.StartsWith("\"maxBatch\""));
        Assert.Equal(Condition.Age, parsed.Produces);
        Assert.Equal((ManifestLayout.Nhwc, ManifestLayout.Nchw), (parsed.Input!.Layout, parsed.OutputLayout));
        Assert.Equal([0, 1], parsed.OutputRange);
        Assert.Equal(0.4f, parsed.Alignment.Margin);
        Assert.Equal(parsed.ToJson(), OnnxEditorManifest.Parse(parsed.ToJson()).ToJson());
    }
}
