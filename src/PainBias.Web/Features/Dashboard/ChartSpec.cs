namespace PainBias.Web.Features.Dashboard;

public enum ChartKind
{
    /// <summary>One bar per group with its 95% interval (means by condition or cell).</summary>
    Bars,

    /// <summary>One dot per source face with its 95% interval, sorted, around a zero line (paired differences).</summary>
    Dots,
}

/// <summary>A value with its 95% interval; an undefined value keeps its label (the axis says "n/a") and draws nothing.</summary>
public sealed record ChartPoint(string Label, double? Value, double? Low, double? High);

/// <summary>What a chart shows, independent of the output format.</summary>
public sealed record ChartSpec(string Title, string XLabel, string YLabel, ChartKind Kind, IReadOnlyList<ChartPoint> Points);
