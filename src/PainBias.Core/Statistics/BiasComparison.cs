namespace PainBias.Core.Statistics;

/// <summary>
/// PSPI of one perceived group against another (B vs W, S vs Y): descriptives, the difference
/// x − y and both the Welch and the pooled t-test of it.
/// </summary>
public sealed record BiasComparison(GroupSummary X, GroupSummary Y, double? Difference, TTestResult Welch, TTestResult Pooled)
{
    public static BiasComparison Of(string xLabel, IReadOnlyList<double> x, string yLabel, IReadOnlyList<double> y) =>
        new(GroupSummary.Of(xLabel, x), GroupSummary.Of(yLabel, y), GroupSummary.Difference(x, y),
            TTests.Welch(x, y), TTests.Pooled(x, y));

    public static BiasComparison Of(string xLabel, IntegerMoments x, string yLabel, IntegerMoments y) =>
        new(GroupSummary.Of(xLabel, x), GroupSummary.Of(yLabel, y), GroupSummary.Difference(x, y),
            TTests.Welch(x, y), TTests.Pooled(x, y));
}
