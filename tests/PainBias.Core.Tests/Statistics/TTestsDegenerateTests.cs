using PainBias.Core.Statistics;

namespace PainBias.Core.Tests.Statistics;

/// <summary>Data for which a t-test is undefined come back undefined with a reason — never NaN, never thrown.</summary>
public sealed class TTestsDegenerateTests
{
    public static TheoryData<string, double[], double[], string?, string?> TwoSampleCases => new()
    {
        // name, x, y, Welch error (null = defined), pooled error
        { "group of one", [5], [3, 4, 6], "not enough 'x' observations", null },
        { "empty group", [], [3, 4, 6], "not enough 'x' observations", "not enough 'x' observations" },
        { "one value each", [5], [3], "not enough 'x' observations", "not enough observations" },
        { "both constant, different", [7, 7, 7], [5, 5], TTests.EssentiallyConstant, TTests.EssentiallyConstant },
        { "both constant at zero", [0, 0, 0], [0, 0], TTests.ZeroStandardError, TTests.ZeroStandardError },
        { "one group constant", [7, 7, 7], [5, 6, 8], null, null },
        { "ordinary", [9, 11, 10, 12], [8, 9, 7, 10], null, null },
    };

    [Theory]
    [MemberData(nameof(TwoSampleCases))]
    public void Two_sample_tests_are_defined_or_say_why(string name, double[] x, double[] y, string? welchError, string? pooledError)
    {
        AssertOutcome(name + " (Welch)", TTests.Welch(x, y), welchError);
        AssertOutcome(name + " (pooled)", TTests.Pooled(x, y), pooledError);
    }

    public static TheoryData<string, double[], double[], string?> PairedCases => new()
    {
        { "no pairs", [], [], "not enough 'x' observations" },
        { "one pair", [5], [3], "not enough 'x' observations" },
        { "identical differences", [5, 6, 7], [3, 4, 5], TTests.EssentiallyConstant },
        { "no differences", [5, 6, 7], [5, 6, 7], TTests.ZeroStandardError },
        { "ordinary", [5, 6, 9], [3, 5, 5], null },
    };

    [Theory]
    [MemberData(nameof(PairedCases))]
    public void Paired_tests_are_defined_or_say_why(string name, double[] a, double[] b, string? error) =>
        AssertOutcome(name, TTests.Paired(a, b), error);

    [Fact]
    public void Defined_test_agrees_with_its_own_definition()
    {
        // Welch by hand: se = sqrt(vx/nx + vy/ny), t = (mx - my)/se.
        double[] x = [9, 11, 10, 12], y = [8, 9, 7, 10];
        var se = Math.Sqrt(Descriptive.Variance(x)!.Value / 4 + Descriptive.Variance(y)!.Value / 4);
        var r = TTests.Welch(x, y);

        Assert.Equal((10.5 - 8.5) / se, r.T!.Value, 12);
        Assert.Equal(r.PTwoSided!.Value, 2 * Math.Min(r.PGreater!.Value, r.PLess!.Value), 12);
        Assert.Equal(1.0, r.PGreater!.Value + r.PLess!.Value, 12);
        Assert.True(r.Ci95Low < 2 && r.Ci95High > 2);
    }

    [Theory]
    [InlineData(null, "")]
    [InlineData(0.2, "")]
    [InlineData(0.09, "*")]
    [InlineData(0.049, "**")]
    [InlineData(0.0099, "***")]
    public void Stars_follow_the_thresholds(double? p, string stars) => Assert.Equal(stars, Significance.Stars(p));

    private static void AssertOutcome(string name, TTestResult result, string? error)
    {
        double?[] numbers = [result.T, result.Df, result.PTwoSided, result.PGreater, result.PLess, result.StandardError, result.Ci95Low, result.Ci95High];
        Assert.All(numbers, v => Assert.True(v is null || double.IsFinite(v.Value), $"{name}: non-finite {v}"));
        if (error is null)
        {
            Assert.True(result.Error is null, $"{name}: unexpected error {result.Error}");
            Assert.All(numbers, v => Assert.NotNull(v));
        }
        else
        {
            Assert.Equal(error, result.Error);
            Assert.All(numbers, v => Assert.Null(v));
        }
    }
}
