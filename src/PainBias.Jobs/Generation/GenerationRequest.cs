using System.Text.Json;
using System.Text.Json.Serialization;

namespace PainBias.Jobs.Generation;

/// <summary>What a generation run makes: built-in skin-tone variants (when a strength is given) and the chosen ONNX editors' variants.</summary>
/// <param name="SkinToneStrength">0..1 for the built-in editor (target opposite to the face's race: W darker, B lighter); null skips it.</param>
/// <param name="EditorIds">The study's ONNX editors to run, each producing the condition its manifest declares.</param>
/// <param name="EditorStrength">Passed to editors that take a strength input (within their manifest's range); null uses each one's default.</param>
/// <param name="ChainSkinToneAge">Also make SkinToneAge by running each chosen Age editor on the face's SkinTone variant.</param>
/// <param name="Seed">Recorded with every variant; the editors here are deterministic, so it labels rather than changes the output.</param>
public sealed record GenerationRequest(
    double? SkinToneStrength = 0.6,
    IReadOnlyList<Guid>? EditorIds = null,
    double? EditorStrength = null,
    bool ChainSkinToneAge = false,
    int Seed = 0)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public IReadOnlyList<Guid> Editors => EditorIds ?? [];

    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (SkinToneStrength is { } s && !(s is > 0 and <= 1))
            problems.Add("skinToneStrength must be above 0 and at most 1 (or left out to skip the built-in skin-tone editor).");
        if (EditorStrength is { } e && !double.IsFinite(e))
            problems.Add("editorStrength must be a number.");
        if (SkinToneStrength is null && Editors.Count == 0)
            problems.Add("Nothing to generate: give a skinToneStrength for the built-in editor, or choose at least one ONNX editor.");
        if (Editors.Distinct().Count() != Editors.Count)
            problems.Add("editorIds lists an editor twice.");
        return problems;
    }

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static GenerationRequest FromJson(string json) =>
        JsonSerializer.Deserialize<GenerationRequest>(json, Json) ?? throw new JsonException("An empty generation request.");
}
