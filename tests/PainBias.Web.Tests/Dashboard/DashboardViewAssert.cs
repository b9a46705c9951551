using System.Text.Json;
using System.Text.Json.Nodes;
using PainBias.Web.Features.Dashboard;

namespace PainBias.Web.Tests.Dashboard;

/// <summary>Two dashboard views show the same: every field equal, numbers to 1e-10 relative (1e-12 absolute near zero): the two paths round differently (sums against two-pass means), and p-values from the t tails magnify that a little.</summary>
public static class DashboardViewAssert
{
    public static void Same(DashboardView expected, DashboardView actual)
    {
        var a = JsonSerializer.SerializeToNode(expected with { ComputedAt = default })!;
        var b = JsonSerializer.SerializeToNode(actual with { ComputedAt = default })!;
        Compare(a, b, "view");
    }

    private static void Compare(JsonNode? a, JsonNode? b, string path)
    {
        switch (a)
        {
            case null:
                Assert.True(b is null, $"{path}: expected null, got {b?.ToJsonString()}");
                return;
            case JsonObject oa:
                var ob = Assert.IsType<JsonObject>(b);
                Assert.Equal(oa.Select(p => p.Key).Order(), ob.Select(p => p.Key).Order());
                foreach (var (key, value) in oa)
                    Compare(value, ob[key], $"{path}.{key}");
                return;
            case JsonArray xa:
                var xb = Assert.IsType<JsonArray>(b);
                Assert.True(xa.Count == xb.Count, $"{path}: {xa.Count} items expected, got {xb.Count}");
                for (var i = 0; i < xa.Count; i++)
                    Compare(xa[i], xb[i], $"{path}[{i}]");
                return;
            case JsonValue va when va.GetValueKind() == JsonValueKind.Number:
                Assert.True(b is JsonValue vb && vb.GetValueKind() == JsonValueKind.Number, $"{path}: expected a number, got {b?.ToJsonString()}");
                var (x, y) = (va.GetValue<double>(), b!.GetValue<double>());
                Assert.True(Math.Abs(x - y) <= Math.Max(1e-12, 1e-10 * Math.Abs(x)), $"{path}: expected {x:R}, got {y:R}");
                return;
            default:
                Assert.True(JsonNode.DeepEquals(a, b), $"{path}: expected {a.ToJsonString()}, got {b?.ToJsonString()}");
                return;
        }
    }
}
