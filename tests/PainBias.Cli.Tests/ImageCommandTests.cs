using System.Text.Json;
using SkiaSharp;

namespace PainBias.Cli.Tests;

public sealed class ImageCommandTests
{
    [Fact]
    public void Detect_names_six_keypoints_with_eyes_above_the_mouth()
    {
        var run = CliRunner.Run("detect", CliRunner.Face("hopper.jpg"));

        Assert.True(run.ExitCode == 0, run.Error);
        using var json = JsonDocument.Parse(run.Output);
        var face = Assert.Single(json.RootElement.GetProperty("faces").EnumerateArray());
        var keypoints = face.GetProperty("keypoints");
        Assert.Equal(
            ["right_eye", "left_eye", "nose_tip", "mouth", "right_ear_tragion", "left_ear_tragion"],
            keypoints.EnumerateObject().Select(k => k.Name));
        var mouthY = keypoints.GetProperty("mouth").GetProperty("y").GetDouble();
        Assert.True(keypoints.GetProperty("right_eye").GetProperty("y").GetDouble() < mouthY);
        Assert.True(keypoints.GetProperty("left_eye").GetProperty("y").GetDouble() < mouthY);
        Assert.True(face.GetProperty("score").GetDouble() > 0.5);
    }

    [Fact]
    public void Detect_lists_every_face_of_a_group_photo()
    {
        var run = CliRunner.Run("detect", CliRunner.Face("bald_guys_crop.jpg"));

        Assert.True(run.ExitCode == 0, run.Error);
        using var json = JsonDocument.Parse(run.Output);
        Assert.True(json.RootElement.GetProperty("faces").GetArrayLength() > 1);
    }

    [Theory]
    [InlineData(256, false)]
    [InlineData(128, true)]
    public void Normalise_writes_the_requested_size(int size, bool greyscale)
    {
        using var folder = new TempFolder();
        var outPath = folder.File("face.png");
        string[] args = ["normalise", CliRunner.Face("Tom_Cruise_avp_2014_4.jpg"), "--out", outPath, "--size", size.ToString()];

        var run = CliRunner.Run(greyscale ? [.. args, "--greyscale"] : args);

        Assert.True(run.ExitCode == 0, run.Error);
        using var image = SKBitmap.Decode(outPath);
        Assert.Equal((size, size), (image.Width, image.Height));
        Assert.Equal(greyscale, image.Pixels.All(p => p.Red == p.Green && p.Green == p.Blue));
        Assert.Equal(["face.png"], folder.Files());
    }

    [Fact]
    public void Skin_tone_edit_changes_the_face_but_not_the_corners_and_passes_the_check()
    {
        using var folder = new TempFolder();
        var (normalised, edited) = (folder.File("n.png"), folder.File("e.png"));
        var source = CliRunner.Face("collins-astronaut.png");

        Assert.Equal(0, CliRunner.Run("normalise", source, "--out", normalised, "--size", "256").ExitCode);
        var run = CliRunner.Run("edit", "skin-tone", source, "--out", edited, "--size", "256", "--strength", "0.8", "--target", "darker");

        Assert.True(run.ExitCode == 0, run.Error);
        using var a = SKBitmap.Decode(normalised);
        using var b = SKBitmap.Decode(edited);
        foreach (var (x, y) in new[] { (0, 0), (255, 0), (0, 255), (255, 255) })
        {
            Assert.Equal(a.GetPixel(x, y), b.GetPixel(x, y));
        }

        // Cheek below the eye line, off the centre where the nose is: inside the skin mask.
        var cheek = Enumerable.Range(150, 20).SelectMany(y => Enumerable.Range(95, 20).Select(x => (x, y))).ToArray();
        Assert.True(cheek.Average(p => b.GetPixel(p.x, p.y).Red) < cheek.Average(p => a.GetPixel(p.x, p.y).Red) - 3);

        var check = CliRunner.Run("check", normalised, edited);
        Assert.True(check.ExitCode == 0, check.Error);
        using var json = JsonDocument.Parse(check.Output);
        Assert.True(json.RootElement.GetProperty("pass").GetBoolean(), check.Output);
    }

    [Fact]
    public void A_greyscale_edit_stays_greyscale()
    {
        using var folder = new TempFolder();
        var edited = folder.File("e.png");

        var run = CliRunner.Run("edit", "skin-tone", CliRunner.Face("John_Salley_000179_02159509.jpg"), "--out", edited, "--size", "128", "--greyscale", "--target", "lighter");

        Assert.True(run.ExitCode == 0, run.Error);
        using var image = SKBitmap.Decode(edited);
        Assert.Equal(128, image.Width);
        Assert.All(image.Pixels, p => Assert.True(p.Red == p.Green && p.Green == p.Blue, $"pixel {p}"));
    }

    [Fact]
    public void Check_of_an_image_with_itself_passes_with_no_drift()
    {
        using var folder = new TempFolder();
        var normalised = folder.File("n.png");
        Assert.Equal(0, CliRunner.Run("normalise", CliRunner.Face("hopper.jpg"), "--out", normalised, "--size", "256").ExitCode);

        var run = CliRunner.Run("check", normalised, normalised);

        Assert.True(run.ExitCode == 0, run.Error);
        using var json = JsonDocument.Parse(run.Output);
        Assert.Equal(0, json.RootElement.GetProperty("drift").GetDouble());
        Assert.Equal(1, json.RootElement.GetProperty("similarity").GetDouble(), 6);
        Assert.True(json.RootElement.GetProperty("pass").GetBoolean());
    }

    [Fact]
    public void A_text_file_is_bad_input_and_nothing_is_written()
    {
        using var folder = new TempFolder();
        var text = folder.File("notes.txt");
        File.WriteAllText(text, "not an image\n");

        foreach (var args in new[] { new[] { "detect", text }, ["normalise", text, "--out", folder.File("o.png")], ["edit", "skin-tone", text, "--out", folder.File("e.png")], ["check", text, text] })
        {
            var run = CliRunner.Run(args);
            Assert.Equal(2, run.ExitCode);
            Assert.Contains("not an image", run.Error);
        }

        Assert.Equal(["notes.txt"], folder.Files());
    }

    [Fact]
    public void Several_faces_are_refused_with_the_normalisers_message()
    {
        using var folder = new TempFolder();

        var run = CliRunner.Run("normalise", CliRunner.Face("bald_guys_crop.jpg"), "--out", folder.File("o.png"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("faces were found", run.Error);
        Assert.Empty(folder.Files());
    }

    [Fact]
    public void Out_of_range_options_are_usage_errors()
    {
        using var folder = new TempFolder();

        Assert.Equal(1, CliRunner.Run("normalise", CliRunner.Face("hopper.jpg"), "--out", folder.File("o.png"), "--size", "8").ExitCode);
        Assert.Equal(1, CliRunner.Run("edit", "skin-tone", CliRunner.Face("hopper.jpg"), "--out", folder.File("o.png"), "--strength", "2").ExitCode);
        Assert.Equal(1, CliRunner.Run("edit", "skin-tone", CliRunner.Face("hopper.jpg"), "--out", folder.File("o.png"), "--target", "purple").ExitCode);
    }
}
