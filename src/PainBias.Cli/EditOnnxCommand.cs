using System.CommandLine;
using PainBias.Imaging.Editing.Onnx;
using PainBias.Imaging.Inference;
using PainBias.Imaging.Normalisation;
using SkiaSharp;

namespace PainBias.Cli;

/// <summary>
/// <c>painbias edit onnx IMAGE --model M.onnx --manifest M.json --out FILE</c>: normalise the face as the manifest's
/// alignment says, run the exported editor on it (the manifest checked against the model first), write the result.
/// </summary>
internal static class EditOnnxCommand
{
    public static Command Create()
    {
        var image = new Argument<string>("IMAGE") { Description = "A photo showing exactly one face." };
        var model = new Option<string>("--model") { Description = "The editor exported to ONNX (.onnx).", Required = true };
        var manifest = new Option<string>("--manifest") { Description = "Its manifest (JSON: name, condition, input, output, optional strength and alignment).", Required = true };
        var strength = new Option<double?>("--strength") { Description = "For editors with a strength input: within the manifest's min..max (default: its default)." };
        var size = new Option<int?>("--size") { Description = $"Side of the square output ({NormaliseOptions.MinSize}–{NormaliseOptions.MaxSize}); default: the model's input width." };
        var (output, greyscale) = (ImagingTools.OutOption(), ImagingTools.GreyscaleOption());
        var command = new Command("onnx", "Normalise the face with the manifest's alignment, then run an ONNX image-to-image editor on it (CUDA when available, else CPU).")
        {
            image, output, model, manifest, strength, size, greyscale,
        };
        command.SetAction(parse => PainBiasCommand.Guard(parse, "edit onnx", _ =>
        {
            var path = parse.GetValue(image)!;
            var (modelPath, manifestPath) = (parse.GetValue(model)!, parse.GetValue(manifest)!);
            var photo = ImagingTools.Read(path);
            var modelBytes = ImagingTools.Read(modelPath);
            var grey = parse.GetValue(greyscale);
            using var editor = Load(modelPath, manifestPath, modelBytes);
            var input = editor.Manifest.Input!;
            var side = parse.GetValue(size) ?? input.Width;
            if (side is < NormaliseOptions.MinSize or > NormaliseOptions.MaxSize)
                throw CliException.BadInput($"--size {side} is outside {NormaliseOptions.MinSize}–{NormaliseOptions.MaxSize}.");
            using var edited = ImagingTools.Guard(path, () =>
            {
                var alignedSize = Math.Clamp(Math.Max(input.Width, input.Height), NormaliseOptions.MinSize, NormaliseOptions.MaxSize);
                var face = ImagingTools.Normaliser.Normalise(photo, new NormaliseOptions(alignedSize, false, editor.Manifest.Alignment.Margin));
                using var aligned = SKBitmap.Decode(face.Png);
                try
                {
                    return editor.EditToSize([aligned], side, grey, parse.GetValue(strength))[0];
                }
                catch (OnnxEditorException e)
                {
                    throw CliException.BadInput($"{modelPath}: {e.Message}");
                }
            });
            ImagingTools.WritePng(parse.GetValue(output)!, edited, grey);
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static OnnxEditor Load(string modelPath, string manifestPath, byte[] model)
    {
        string json;
        try
        {
            json = File.ReadAllText(manifestPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw CliException.BadInput($"{manifestPath}: {e.Message}");
        }
        try
        {
            return OnnxEditor.Load(ImagingTools.Sessions, model, OnnxEditorManifest.Parse(json));
        }
        catch (OnnxEditorException e)
        {
            throw CliException.BadInput($"{modelPath} with {manifestPath}: {e.Message}");
        }
    }
}
