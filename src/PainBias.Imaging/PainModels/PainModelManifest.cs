using System.Text.Json;
using PainBias.Imaging.Inference;
using PainBias.Imaging.Quality.Onnx;

namespace PainBias.Imaging.PainModels;

/// <summary>
/// Describes a researcher's ONNX pain model for an audit: the image input (name, layout, size, channels, value
/// range — the same block as a quality-check model's) and the output giving one pain score per image. Example:
/// <code>
/// { "name": "my-pspi-net",
///   "input": { "name": "image", "layout": "NCHW", "width": 224, "height": 224, "channels": 3, "range": [0, 1] },
///   "output": { "name": "pspi" } }
/// </code>
/// </summary>
public sealed record PainModelManifest
{
    public string Name { get; init; } = "";

    public QualityModelInput? Input { get; init; }

    public QualityModelOutput? Output { get; init; }

    public static PainModelManifest Parse(string json)
    {
        var manifest = ManifestJson.Read<PainModelManifest>(json, QualityModelManifest.Json, m => new QualityModelException(m),
            e => $"The manifest is not valid JSON ({e}). It needs name, input and output; see the fairness section of the README.",
            "The manifest is empty; it must be a JSON object with name, input and output.");
        manifest.Validate();
        return manifest;
    }

    public string ToJson() => JsonSerializer.Serialize(this, QualityModelManifest.Json);

    public void Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Name) || Name.Length > 100)
            problems.Add("\"name\" is required (1–100 characters); it labels the audit.");
        if (Input is null)
            problems.Add("\"input\" is required: { name, layout (NCHW or NHWC), width, height, channels (1 or 3), range [min, max] }.");
        else
            Input.Validate(problems);
        if (string.IsNullOrWhiteSpace(Output?.Name))
            problems.Add("\"output\": { \"name\": ... } is required: the output that gives the pain score.");
        if (problems.Count > 0) throw new QualityModelException(problems);
    }
}
