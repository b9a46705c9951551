using PainBias.Core.Domain;

namespace PainBias.Core.Statistics;

/// <summary>
/// Welch test of one Action Unit between perceived groups. The orientation follows the study's
/// wording ("W vs B", "Y vs S"), so x is W or Y — the opposite sign of <see cref="BiasComparison"/>.
/// </summary>
public sealed record AuTest(ActionUnit Au, GroupSummary X, GroupSummary Y, double? Difference, TTestResult Welch)
{
    public static AuTest Of(ActionUnit au, string xLabel, IReadOnlyList<double> x, string yLabel, IReadOnlyList<double> y) =>
        new(au, GroupSummary.Of(xLabel, x), GroupSummary.Of(yLabel, y), GroupSummary.Difference(x, y), TTests.Welch(x, y));

    public static AuTest Of(ActionUnit au, string xLabel, IntegerMoments x, string yLabel, IntegerMoments y) =>
        new(au, GroupSummary.Of(xLabel, x), GroupSummary.Of(yLabel, y), GroupSummary.Difference(x, y), TTests.Welch(x, y));
}

/// <summary>AU tests for race (W vs B) and age (Y vs S), each in <see cref="ActionUnits.All"/> order.</summary>
public sealed record AuTests(IReadOnlyList<AuTest> Race, IReadOnlyList<AuTest> Age);
