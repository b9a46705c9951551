using System.Text.Json;
using System.Text.Json.Serialization;

namespace PainBias.Jobs.Fairness;

/// <summary>How fairness results and external labels are stored as JSON (web casing, enums as names).</summary>
public static class FairnessJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };
}
