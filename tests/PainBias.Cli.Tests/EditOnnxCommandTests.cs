using PainBias.TestSupport.Onnx;
using SkiaSharp;

namespace PainBias.Cli.Tests;

public sealed class EditOnnxCommandTests
{
    private const string Manifest = """
        { "name": "halve-blue", "condition": "SkinTone",
          "input": { "name": "input", "layout": "NCHW", "width": 64, "height": 64, "range": [0, 1] },
          "output": { "name": "output" }, "alignment": { "margin": 0.25 } }
        """;

    [Fact]
    public void An_onnx_editor_edits_the_normalised_face_as_its_closed_form_says()
    {
        using var folder = new TempFolder();
        var model = TinyOnnxModels.ChannelAffine(TensorLayout.Nchw, 64, [1, 1, 0.5f], [0, 0, 0]).Save(folder.File("m.onnx"));
        File.WriteAllText(folder.File("m.json"), Manifest);
        var (normalised, edited) = (folder.File("n.png"), folder.File("e.png"));

        Assert.Equal(0, CliRunner.Run("normalise", CliRunner.Face("hopper.jpg"), "--out", normalised, "--size", "64").ExitCode);
        var run = CliRunner.Run("edit", "onnx", CliRunner.Face("hopper.jpg"), "--model", model, "--manifest", folder.File("m.json"), "--out", edited);

        Assert.True(run.ExitCode == 0, run.Error);
        using var before = SKBitmap.Decode(normalised);
        using var after = SKBitmap.Decode(edited);
        Assert.Equal((64, 64), (after.Width, after.Height));
        for (var i = 0; i < before.Pixels.Length; i += 97)
        {
            var (p, q) = (before.Pixels[i], after.Pixels[i]);
            Assert.Equal((p.Red, p.Green), (q.Red, q.Green));
            Assert.InRange(q.Blue, (int)Math.Floor(p.Blue / 2.0), (int)Math.Ceiling(p.Blue / 2.0));
        }
    }

    [Fact]
    public void A_manifest_that_does_not_fit_the_model_is_bad_input_and_writes_nothing()
    {
        using var folder = new TempFolder();
        var model = TinyOnnxModels.ChannelAffine(TensorLayout.Nhwc, 64, [1, 1, 1], [0, 0, 0]).Save(folder.File("m.onnx"));
        File.WriteAllText(folder.File("m.json"), Manifest);

        var run = CliRunner.Run("edit", "onnx", CliRunner.Face("hopper.jpg"), "--model", model, "--manifest", folder.File("m.json"), "--out", folder.File("e.png"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("painbias edit onnx: error:", run.Error);
        Assert.Contains("has shape [?, 64, 64, 3], but the manifest (NCHW, 64×64, 3 channel(s)) feeds [1, 3, 64, 64]", run.Error);
        Assert.Equal(["m.json", "m.onnx"], folder.Files().Order());
    }
}
