using System.Text.Json;

namespace PainBias.Core.Statistics.Json;

/// <summary>Null-aware writes: an undefined statistic is JSON null, never NaN (which JSON cannot hold).</summary>
internal static class JsonWriterExtensions
{
    public static void Number(this Utf8JsonWriter w, string name, double? value)
    {
        if (value is { } v && double.IsFinite(v)) w.WriteNumber(name, v);
        else w.WriteNull(name);
    }

    public static void StringOrNull(this Utf8JsonWriter w, string name, string? value)
    {
        if (value is null) w.WriteNull(name);
        else w.WriteString(name, value);
    }
}
