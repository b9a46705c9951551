using System.Globalization;
using PainBias.Core.Fairness;

namespace PainBias.Web.Features.Fairness;

/// <summary>Numbers as the fairness pages print them.</summary>
internal static class FairnessFormat
{
    public static string Number(double? value) => value?.ToString("0.000", CultureInfo.InvariantCulture) ?? "–";

    public static string Percent(IndividualFairness f) =>
        f.Value is null ? $"undefined ({f.Undefined})"
        : $"{f.ValuePercent!.Value.ToString("0.00", CultureInfo.InvariantCulture)}% [{Pct(f.LowerPercent)}, {Pct(f.UpperPercent)}]";

    public static string Points(IndividualFairness f) =>
        f.Value is null ? "" : $"{Number(f.Value)} [{Number(f.Lower)}, {Number(f.Upper)}] PSPI points, {f.Pairs} pairs";

    public static string Difference(GroupDifference d) =>
        d.Value is null ? $"undefined ({d.Undefined})" : $"{Signed(d.Value)} [{Signed(d.Lower)}, {Signed(d.Upper)}]";

    private static string Pct(double? v) => v?.ToString("0.00", CultureInfo.InvariantCulture) + "%";

    private static string Signed(double? v) => v?.ToString("+0.000;-0.000;0.000", CultureInfo.InvariantCulture) ?? "–";
}
