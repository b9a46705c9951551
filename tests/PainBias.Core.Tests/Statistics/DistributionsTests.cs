using PainBias.Core.Statistics;

namespace PainBias.Core.Tests.Statistics;

/// <summary>
/// Student t lower tail against R 4.2's pt(t, df) (values printed with %.17g), near-zero t and large df included, to the
/// project's 1e-9 relative. MathNet's incomplete beta keeps about 1e-10 for df in the hundreds of thousands (lgamma of
/// large arguments cancels); MathNet's own StudentT.CDF lost more for near-zero t (1e-9 on an AU test at a million ratings).
/// </summary>
public class DistributionsTests
{
    [Theory]
    [InlineData(-0.001, 150000, 0.49960105845099251)]
    [InlineData(0.0106, 5, 0.50402374049102849)]
    [InlineData(-0.5, 12, 0.31305873811266205)]
    [InlineData(1.2, 1000, 0.88478822383776645)]
    [InlineData(-3.0, 300000, 0.0013500088302594395)]
    [InlineData(-10.0, 50, 8.0386673441676946e-14)]
    [InlineData(2.0, 500000, 0.97724959809673173)]
    [InlineData(-0.01, 900000, 0.49601064479359663)]
    public void Student_t_lower_tail_equals_R_pt(double t, double df, double expected)
    {
        var actual = Distributions.StudentTLower(t, df);
        Assert.True(Math.Abs(actual - expected) <= 1e-9 * Math.Abs(expected), $"pt({t}, {df}): R {expected:R}, ours {actual:R}");
    }

    [Theory]
    [InlineData(12.0)]
    [InlineData(4899.0)]
    [InlineData(3.0)]
    public void Student_t_quantile_inverts_the_lower_tail(double df)
    {
        var q = Distributions.StudentTQuantile(0.975, df);
        Assert.True(Math.Abs(Distributions.StudentTLower(q, df) - 0.975) <= 1e-15, $"qt(0.975, {df}) = {q:R}");
    }
}
