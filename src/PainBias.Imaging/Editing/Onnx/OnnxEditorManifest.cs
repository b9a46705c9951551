using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using PainBias.Core.Domain;
using PainBias.Imaging.Inference;
using PainBias.Imaging.Normalisation;

namespace PainBias.Imaging.Editing.Onnx;

/// <summary>
/// Describes an image-to-image face editor exported to ONNX: the image input (name, layout, size, channels, value range),
/// the edited image output (layout and range default to the input's), an optional scalar strength input, the face crop it
/// was trained on (the platform's eye-aligned crop with a margin), and the condition its output shows. Example:
/// <code>
/// { "name": "sfe-skin-darker", "condition": "SkinTone",
///   "input": { "name": "image", "layout": "NCHW", "width": 256, "height": 256, "channels": 3, "range": [-1, 1] },
///   "output": { "name": "edited" },
///   "strength": { "name": "alpha", "min": 0, "max": 1, "default": 1 },
///   "alignment": { "margin": 0.25 } }
/// </code>
/// </summary>
public sealed record OnnxEditorManifest
{
    public const int DefaultMaxBatch = 8;

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public string Name { get; init; } = "";

    /// <summary>SkinTone, Age or SkinToneAge (or the codes skin, age, skin_age).</summary>
    public string Condition { get; init; } = "";

    public ImageTensorSpec? Input { get; init; }

    public EditorOutput? Output { get; init; }

    public EditorStrength? Strength { get; init; }

    public EditorAlignment Alignment { get; init; } = new();

    /// <summary>Most images per run when the model's batch dimension is dynamic.</summary>
    public int MaxBatch { get; init; } = DefaultMaxBatch;

    [JsonIgnore]
    public Condition Produces => ConditionExtensions.TryParseCode(Condition, out var c) ? c : Core.Domain.Condition.Original;

    /// <summary>The output's layout and range: as declared, else the input's.</summary>
    [JsonIgnore]
    public ImageLayout OutputLayout => Output?.Layout ?? Input!.Layout;

    [JsonIgnore]
    public double[] OutputRange => Output?.Range ?? Input!.Range;

    /// <summary>Reads and validates a manifest; every problem is listed in the exception.</summary>
    public static OnnxEditorManifest Parse(string json)
    {
        var manifest = ManifestJson.Read<OnnxEditorManifest>(json, Json, m => new OnnxEditorException(m),
            e => $"The editor manifest is not valid JSON ({e}). See the example in the variant-generation section of the README.",
            "The editor manifest is empty; it must be a JSON object with name, condition, input and output.");
        manifest.Validate();
        return manifest;
    }

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public void Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Name) || Name.Length > 100)
        {
            problems.Add("\"name\" is required (1–100 characters); it names the editor in each variant's provenance.");
        }

        if (!ConditionExtensions.TryParseCode(Condition, out var condition) || condition == Core.Domain.Condition.Original)
        {
            problems.Add($"\"condition\" must be SkinTone, Age or SkinToneAge (what the edited face shows), not \"{Condition}\".");
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
            problems.Add("\"output\": { \"name\": ... } is required: the model output that holds the edited image.");
        }
        else if (Output.Range is not null && !ImageTensorSpec.ValidRange(Output.Range))
        {
            problems.Add("\"output.range\" must be two different numbers [min, max]: the values that become pixel 0 and pixel 255.");
        }

        Strength?.Validate(problems);
        if (!(Alignment.Margin is >= 0 and <= NormaliseOptions.MaxMargin))
        {
            problems.Add($"\"alignment.margin\" must be 0..{NormaliseOptions.MaxMargin.ToString(CultureInfo.InvariantCulture)} (context around the face, as a fraction of its span), not {Alignment.Margin.ToString(CultureInfo.InvariantCulture)}.");
        }

        if (MaxBatch is < 1 or > 256)
        {
            problems.Add($"\"maxBatch\" must be 1..256, not {MaxBatch}.");
        }

        if (problems.Count > 0)
        {
            throw new OnnxEditorException(problems);
        }
    }
}

/// <summary>The edited image; layout and range default to the input's, and the size is read from the model's output.</summary>
public sealed record EditorOutput
{
    public string Name { get; init; } = "";

    public ImageLayout? Layout { get; init; }

    public double[]? Range { get; init; }
}

/// <summary>A float input (shape [1], [] or [batch]) that sets how far the editor goes; requests outside min..max are refused.</summary>
public sealed record EditorStrength
{
    public string Name { get; init; } = "";

    public double Min { get; init; }

    public double Max { get; init; } = 1;

    /// <summary>Used when a run gives no strength.</summary>
    public double Default { get; init; } = 1;

    internal void Validate(List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(Name))
        {
            problems.Add("\"strength.name\" is required when \"strength\" is given: the model input that takes the edit strength.");
        }

        if (!double.IsFinite(Min) || !double.IsFinite(Max) || Min > Max || Default < Min || Default > Max)
        {
            problems.Add($"\"strength\" needs min ≤ default ≤ max (got {Min.ToString(CultureInfo.InvariantCulture)}, {Default.ToString(CultureInfo.InvariantCulture)}, {Max.ToString(CultureInfo.InvariantCulture)}).");
        }
    }
}

/// <summary>The crop the editor expects: the platform's normalised face (eyes level, centred) with this margin.</summary>
public sealed record EditorAlignment
{
    public float Margin { get; init; } = 0.25f;
}
