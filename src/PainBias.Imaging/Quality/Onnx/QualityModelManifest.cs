using System.Text.Json;
using System.Text.Json.Serialization;
using PainBias.Imaging.Inference;

namespace PainBias.Imaging.Quality.Onnx;

/// <summary>
/// Describes a researcher's check model: which input to feed (name, layout, size, channels, value range), which
/// output to read, what it measures and the threshold. Example:
/// <code>
/// { "name": "arcface", "kind": "FaceVerification",
///   "input": { "name": "data", "layout": "NCHW", "width": 112, "height": 112, "channels": 3, "range": [-1, 1] },
///   "output": { "name": "embedding" }, "threshold": 0.5 }
/// </code>
/// </summary>
public sealed record QualityModelManifest
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        WriteIndented = true,
    };

    public string Name { get; init; } = "";

    public QualityModelKind? Kind { get; init; }

    public QualityModelInput? Input { get; init; }

    public QualityModelOutput? Output { get; init; }

    public double? Threshold { get; init; }

    /// <summary>Reads and validates a manifest; every problem is listed in the exception.</summary>
    public static QualityModelManifest Parse(string json)
    {
        var manifest = ManifestJson.Read<QualityModelManifest>(json, Json, m => new QualityModelException(m),
            e => $"The manifest is not valid JSON ({e}). See the example in the quality-check section of the README.",
            "The manifest is empty; it must be a JSON object with name, kind, input, output and threshold.");
        manifest.Validate();
        return manifest;
    }

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public void Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Name) || Name.Length > 100)
        {
            problems.Add("\"name\" is required (1–100 characters); it labels the check in the report.");
        }

        if (Kind is null)
        {
            problems.Add($"\"kind\" is required: one of {string.Join(", ", Enum.GetNames<QualityModelKind>())}.");
        }

        if (Input is null)
        {
            problems.Add("\"input\" is required: { name, layout (NCHW or NHWC), width, height, channels (1 or 3), range [min, max] }.");
        }
        else
        {
            Input.Validate(problems);
        }

        if (string.IsNullOrWhiteSpace(Output?.Name))
        {
            problems.Add("\"output\": { \"name\": ... } is required: the model output to read.");
        }

        if (Threshold is not { } t || !double.IsFinite(t))
        {
            problems.Add(Kind switch
            {
                QualityModelKind.FaceVerification => "\"threshold\" is required: the least cosine similarity of original and variant embeddings that counts as the same person (e.g. 0.5).",
                QualityModelKind.DeepfakeDetector => "\"threshold\" is required: the highest fake score a variant may get (e.g. 0.5).",
                QualityModelKind.AgeEstimator => "\"threshold\" is required: the most years a skin-tone-only variant's estimated age may differ from the original's (e.g. 5).",
                _ => "\"threshold\" is required (a number).",
            });
        }
        else if (Kind == QualityModelKind.FaceVerification && t is < -1 or > 1)
        {
            problems.Add($"\"threshold\" {t} is outside -1..1, the range of a cosine similarity.");
        }
        else if (Kind == QualityModelKind.AgeEstimator && t < 0)
        {
            problems.Add($"\"threshold\" {t} is negative; it is a bound on an absolute age difference in years.");
        }

        if (problems.Count > 0)
        {
            throw new QualityModelException(problems);
        }
    }
}

/// <summary>The check model's image input; the fields are those every image model shares (<see cref="ImageTensorSpec"/>).</summary>
public sealed record QualityModelInput : ImageTensorSpec;

public sealed record QualityModelOutput
{
    public string Name { get; init; } = "";
}
