using System.Globalization;
using System.Text.Json;

namespace PainBias.Tests.Shared;

/// <summary>
/// Walks an expected (R) JSON tree and a produced one together. Every key the fixture has must be
/// present; nulls must match; numbers must agree within the tolerance for their path. The Core and CLI
/// tests both link this file, so the engine and the tool are held to the same tolerances.
/// </summary>
public static class JsonTreeComparer
{
    // Diagnostics of the R run itself and descriptions of the optimiser: not part of the contract.
    private static readonly HashSet<string> Unchecked =
        ["max_abs_diff_vs_bobyqa_tight", "max_abs_diff_vs_default_control", "messages", "optimizer", "optimizer_control"];

    public static List<string> Compare(JsonElement expected, JsonElement actual, string path)
    {
        var mismatches = new List<string>();
        Walk(expected, actual, path, mismatches);
        return mismatches;
    }

    private static void Walk(JsonElement expected, JsonElement actual, string path, List<string> mismatches)
    {
        var key = path[(path.LastIndexOf('.') + 1)..];
        if (expected.ValueKind == JsonValueKind.Null || actual.ValueKind == JsonValueKind.Null)
        {
            if (expected.ValueKind != actual.ValueKind)
                mismatches.Add($"{path}: expected {Show(expected)}, got {Show(actual)}");
            return;
        }
        // Error messages are informational; only whether there is one matters (checked above).
        if (key == "error") return;

        switch (expected.ValueKind)
        {
            case JsonValueKind.Object:
                if (actual.ValueKind != JsonValueKind.Object) { mismatches.Add($"{path}: expected an object, got {Show(actual)}"); return; }
                foreach (var property in expected.EnumerateObject())
                {
                    if (Unchecked.Contains(property.Name)) continue;
                    var childPath = $"{path}.{property.Name}";
                    if (!actual.TryGetProperty(property.Name, out var child)) { mismatches.Add($"{childPath}: missing"); continue; }
                    Walk(property.Value, child, childPath, mismatches);
                }
                break;
            case JsonValueKind.Array:
                if (actual.ValueKind != JsonValueKind.Array || actual.GetArrayLength() != expected.GetArrayLength())
                {
                    mismatches.Add($"{path}: expected {expected.GetArrayLength()} items, got {Show(actual)}");
                    return;
                }
                for (var i = 0; i < expected.GetArrayLength(); i++)
                    Walk(expected[i], actual[i], $"{path}[{i}]", mismatches);
                break;
            case JsonValueKind.Number:
                if (actual.ValueKind != JsonValueKind.Number) { mismatches.Add($"{path}: expected {Show(expected)}, got {Show(actual)}"); return; }
                var (e, a) = (expected.GetDouble(), actual.GetDouble());
                if (!Tolerance.For(path).Accepts(e, a))
                    mismatches.Add($"{path}: expected {e.ToString("R", CultureInfo.InvariantCulture)}, got {a.ToString("R", CultureInfo.InvariantCulture)} (|diff| {Math.Abs(e - a):E2})");
                break;
            case JsonValueKind.String:
                if (actual.ValueKind != JsonValueKind.String || expected.GetString() != actual.GetString())
                    mismatches.Add($"{path}: expected {Show(expected)}, got {Show(actual)}");
                break;
            default:
                if (expected.ValueKind != actual.ValueKind)
                    mismatches.Add($"{path}: expected {Show(expected)}, got {Show(actual)}");
                break;
        }
    }

    private static string Show(JsonElement e) => e.ValueKind == JsonValueKind.Undefined ? "nothing" : e.GetRawText();
}

/// <summary>Accepts a number within an absolute or a relative distance of the expected one.</summary>
public sealed record Tolerance(double Absolute, double Relative)
{
    public static readonly Tolerance Exact = new(1e-12, 1e-9);

    public bool Accepts(double expected, double actual) =>
        Math.Abs(expected - actual) <= Math.Max(Absolute, Relative * Math.Abs(expected));

    /// <summary>The README's tolerances: tight everywhere, looser for the lmer optimum.</summary>
    public static Tolerance For(string path)
    {
        if (!path.Contains(".lmer.", StringComparison.Ordinal)) return Exact;
        var key = path[(path.LastIndexOf('.') + 1)..];
        return key switch
        {
            "t" => new Tolerance(1e-4, 0),
            "p_normal" => new Tolerance(1e-12, 1e-2),
            _ => new Tolerance(1e-5, 0),
        };
    }
}
