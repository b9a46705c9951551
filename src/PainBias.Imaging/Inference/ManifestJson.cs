using System.Text.Json;

namespace PainBias.Imaging.Inference;

/// <summary>Reads a model manifest's JSON for check models, editors and pain models, each with its own error type and wording.</summary>
internal static class ManifestJson
{
    /// <summary>The manifest, or <paramref name="error"/> of the message for JSON that is invalid or empty.</summary>
    public static T Read<T>(string json, JsonSerializerOptions options, Func<string, Exception> error, Func<string, string> invalid, string empty)
        where T : class
    {
        T? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<T>(json, options);
        }
        catch (JsonException e)
        {
            throw error(invalid(e.Message));
        }

        return manifest ?? throw error(empty);
    }
}
