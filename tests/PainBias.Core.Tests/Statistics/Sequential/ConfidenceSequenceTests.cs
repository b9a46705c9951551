using MathNet.Numerics.Distributions;
using PainBias.Core.Statistics.Sequential;

namespace PainBias.Core.Tests.Statistics.Sequential;

public sealed class ConfidenceSequenceTests
{
    private static readonly SequentialOptions Options = new(Alpha: 0.05, TargetSampleSize: 500);

    [Fact]
    public void Rho_follows_the_papers_choice_for_the_target_size()
    {
        var l = -2 * Math.Log(0.05);
        Assert.Equal(Math.Sqrt((l + Math.Log(l + 1)) / 500), AsymptoticConfidenceSequence.Rho(0.05, 500), 15);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(10)]
    [InlineData(500)]
    [InlineData(100_000)]
    [InlineData(100_000_000)]
    public void The_sequence_is_wider_than_the_fixed_n_interval_at_every_size(int t)
    {
        var multiplier = AsymptoticConfidenceSequence.StandardErrorMultiplier(t, Options.Rho, Options.Alpha);

        Assert.True(multiplier > Normal.InvCDF(0, 1, 0.975), $"m({t}) = {multiplier}");
    }

    [Fact]
    public void Current_interval_is_wider_than_the_Welch_normal_interval_at_the_same_n()
    {
        var cs = new DifferenceConfidenceSequence("B", "W", Options);
        foreach (var v in new[] { 9.0, 11, 10, 12, 8, 10 }) cs.AddX(v);
        foreach (var v in new[] { 12.0, 11, 13, 10, 12 }) cs.AddY(v);

        var r = cs.Current();

        Assert.Null(r.Error);
        Assert.Equal(10.0 - 11.6, r.Difference!.Value, 12);
        Assert.True(r.HalfWidth > r.FixedNHalfWidth);
        Assert.True(r.Covers(r.Difference!.Value));
    }

    [Theory]
    [InlineData(0, 5)]
    [InlineData(1, 5)]
    [InlineData(5, 1)]
    public void Fewer_than_two_ratings_in_a_group_is_undefined_with_a_reason(int nx, int ny)
    {
        var cs = new DifferenceConfidenceSequence("S", "Y", Options);
        for (var i = 0; i < nx; i++) cs.AddX(i);
        for (var i = 0; i < ny; i++) cs.AddY(i);

        var r = cs.Current();

        Assert.Null(r.HalfWidth);
        Assert.Null(r.Low);
        Assert.False(r.TargetPrecisionReached);
        Assert.Contains("at least 2 ratings", r.Error);
    }

    [Fact]
    public void Two_constant_groups_are_undefined_rather_than_infinitely_precise()
    {
        var cs = new DifferenceConfidenceSequence("B", "W", Options with { TargetHalfWidth = 0.5 });
        for (var i = 0; i < 4; i++) { cs.AddX(3); cs.AddY(5); }

        var r = cs.Current();

        Assert.Null(r.HalfWidth);
        Assert.False(r.TargetPrecisionReached);
        Assert.Contains("zero", r.Error);
    }

    [Fact]
    public void Target_precision_is_reached_once_the_half_width_is_small_enough()
    {
        var random = new Random(3);
        var cs = new DifferenceConfidenceSequence("B", "W", Options with { TargetHalfWidth = 0.5 });
        var reachedAt = 0;
        for (var t = 1; t <= 4000 && reachedAt == 0; t++)
        {
            if (t % 2 == 0) cs.AddX(10 + 2 * Gaussian(random)); else cs.AddY(11 + 2 * Gaussian(random));
            if (cs.Current().TargetPrecisionReached) reachedAt = t;
        }

        Assert.InRange(reachedAt, 100, 4000);
        Assert.True(cs.Current().HalfWidth <= 0.5);
    }

    [Fact]
    public void Covers_the_true_difference_at_all_times_in_at_least_93_percent_of_streams()
    {
        // 200 streams of 2000 ratings, groups with different means and SDs, each rating B or W at random.
        // A fixed-n 95% interval checked after every rating would fail in most streams.
        const int streams = 200, length = 2000;
        const double trueDiff = 10.0 - 11.1;
        var random = new Random(20240601);
        var coveredThroughout = 0;
        for (var s = 0; s < streams; s++)
        {
            var cs = new DifferenceConfidenceSequence("B", "W", Options);
            var ok = true;
            for (var t = 0; t < length; t++)
            {
                if (random.NextDouble() < 0.5) cs.AddX(10.0 + 2.5 * Gaussian(random));
                else cs.AddY(11.1 + 2.0 * Gaussian(random));
                var r = cs.Current();
                if (r.Error is null && !r.Covers(trueDiff)) ok = false;
            }
            if (ok) coveredThroughout++;
        }

        Assert.True(coveredThroughout >= 186, $"covered at all times in {coveredThroughout} of {streams} streams");
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
