using System.CommandLine;
using PainBias.Imaging.Normalisation;

namespace PainBias.Cli;

/// <summary><c>painbias normalise IMAGE --out FILE [--size 512] [--greyscale]</c>: the study-ready face as PNG.</summary>
public static class NormaliseCommand
{
    public static Command Create()
    {
        var image = new Argument<string>("IMAGE") { Description = "A photo showing exactly one face." };
        var (output, size, greyscale) = (ImagingTools.OutOption(), ImagingTools.SizeOption(), ImagingTools.GreyscaleOption());
        var command = new Command("normalise", "Detect the one face, align it on the eyes, crop, resize and optionally convert to greyscale; write a PNG.")
        {
            image, output, size, greyscale,
        };
        command.SetAction(parse => PainBiasCommand.Guard(parse, "normalise", _ =>
        {
            var path = parse.GetValue(image)!;
            var bytes = ImagingTools.Read(path);
            var face = ImagingTools.Guard(path, () => ImagingTools.Normaliser.Normalise(bytes, new NormaliseOptions(parse.GetValue(size), parse.GetValue(greyscale))));
            ImagingTools.WriteFile(parse.GetValue(output)!, face.Png);
            return ExitCodes.Ok;
        }));
        return command;
    }
}
