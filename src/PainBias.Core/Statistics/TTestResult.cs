namespace PainBias.Core.Statistics;

/// <summary>
/// A t-test as R's t.test reports it. Every number is null when the test cannot be run for the
/// data (too few observations, constant data, zero standard error), and <see cref="Error"/> says why.
/// </summary>
public sealed record TTestResult(
    double? T,
    double? Df,
    double? PTwoSided,
    double? PGreater,
    double? PLess,
    double? StandardError,
    double? Ci95Low,
    double? Ci95High,
    string? Error)
{
    public bool IsDefined => Error is null;

    /// <summary>Significance stars for the two-sided p-value, as the UI shows them.</summary>
    public string Stars => Significance.Stars(PTwoSided);

    public static TTestResult Undefined(string reason) => new(null, null, null, null, null, null, null, null, reason);
}

public static class Significance
{
    /// <summary>*** p &lt; 0.01, ** p &lt; 0.05, * p &lt; 0.1; empty when not significant or undefined.</summary>
    public static string Stars(double? p) => p switch
    {
        null => "",
        < 0.01 => "***",
        < 0.05 => "**",
        < 0.1 => "*",
        _ => "",
    };
}
