using System.CommandLine;
using PainBias.Imaging.Editing;
using PainBias.Imaging.Normalisation;
using SkiaSharp;

namespace PainBias.Cli;

/// <summary><c>painbias edit skin-tone IMAGE --out FILE</c>: normalise, then move skin tone with the built-in editor.</summary>
public static class EditCommand
{
    public static Command Create() => new("edit", "Make a variant of a face with the built-in skin-tone editor or an ONNX editor.") { SkinTone(), EditOnnxCommand.Create() };

    private static Command SkinTone()
    {
        var image = new Argument<string>("IMAGE") { Description = "A photo showing exactly one face." };
        var (output, size, greyscale) = (ImagingTools.OutOption(), ImagingTools.SizeOption(), ImagingTools.GreyscaleOption());
        var strength = new Option<double>("--strength")
        {
            Description = "0 leaves the face as it is; 1 moves the skin all the way to the target.",
            DefaultValueFactory = _ => 0.6,
            Validators = { r => { if (r.GetValueOrDefault<double>() is not (>= 0 and <= 1)) r.AddError("--strength must be between 0 and 1."); } },
        };
        var target = new Option<string>("--target")
        {
            Description = "darker or lighter (a step of 20 in CIE L* at full strength).",
            DefaultValueFactory = _ => "darker",
        };
        target.AcceptOnlyFromAmong("darker", "lighter");
        var command = new Command("skin-tone", "Normalise the face, then darken or lighten its skin inside a keypoint skin mask, keeping eyes, mouth, texture and geometry.")
        {
            image, output, strength, target, size, greyscale,
        };
        command.SetAction(parse => PainBiasCommand.Guard(parse, "edit skin-tone", _ =>
        {
            var path = parse.GetValue(image)!;
            var bytes = ImagingTools.Read(path);
            var grey = parse.GetValue(greyscale);
            var options = new SkinToneOptions(parse.GetValue(strength), parse.GetValue(target) == "lighter" ? SkinTarget.Lighter : SkinTarget.Darker);
            using var edited = ImagingTools.Guard(path, () =>
            {
                var face = ImagingTools.Normaliser.Normalise(bytes, new NormaliseOptions(parse.GetValue(size), grey));
                using var normalised = SKBitmap.Decode(face.Png);
                return ImagingTools.Editor.Edit(normalised, face.Aligned, options);
            });
            ImagingTools.WritePng(parse.GetValue(output)!, edited, grey);
            return ExitCodes.Ok;
        }));
        return command;
    }
}
