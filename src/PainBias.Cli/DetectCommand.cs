using System.CommandLine;
using System.Text;
using System.Text.Json;
using PainBias.Imaging.Faces;

namespace PainBias.Cli;

/// <summary><c>painbias detect IMAGE</c>: every face BlazeFace finds, with box, score and named keypoints, as JSON.</summary>
public static class DetectCommand
{
    public static Command Create()
    {
        var image = new Argument<string>("IMAGE") { Description = "A JPEG, PNG, WebP, GIF or BMP photo." };
        var command = new Command("detect", "Detect faces (BlazeFace): boxes, scores and the six keypoints, in the image's own pixels, as JSON.") { image };
        command.SetAction(parse => PainBiasCommand.Guard(parse, "detect", stdout => Run(parse.GetValue(image)!, stdout)));
        return command;
    }

    private static int Run(string path, TextWriter stdout)
    {
        var bytes = ImagingTools.Read(path);
        var (width, height, faces) = ImagingTools.Guard(path, () =>
        {
            using var decoded = ImagingTools.Decoder.Decode(bytes);
            return (decoded.Width, decoded.Height, ImagingTools.Detector.Detect(decoded.Bitmap));
        });

        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("image", Path.GetFileName(path));
            json.WriteNumber("width", width);
            json.WriteNumber("height", height);
            json.WriteStartArray("faces");
            foreach (var face in faces)
            {
                FaceJson.Write(json, face);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        stdout.Write(Encoding.UTF8.GetString(buffer.ToArray()));
        stdout.WriteLine();
        return ExitCodes.Ok;
    }
}
