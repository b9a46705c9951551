using PainBias.Crowd.MTurk;

namespace PainBias.Crowd.Tests.MTurk;

public sealed class HitBatchesTests
{
    [Theory]
    [InlineData(0, new int[0])]
    [InlineData(1, new[] { 1 })]
    [InlineData(9, new[] { 9 })]
    [InlineData(10, new[] { 9, 1 })]
    [InlineData(20, new[] { 9, 9, 2 })]
    [InlineData(27, new[] { 9, 9, 9 })]
    public void Assignments_are_split_into_HITs_of_at_most_nine(int total, int[] expected) =>
        Assert.Equal(expected, HitBatches.Plan(total));

    [Theory]
    [InlineData(8, 5, 1, 40)] // two faces' four variants, k = 5
    [InlineData(12, 5, 2, 30)]
    [InlineData(7, 5, 2, 18)] // 35 ratings in twos: the last assessor rates one
    [InlineData(0, 5, 1, 0)]
    public void The_quota_is_variants_times_k_over_images_per_assessor_rounded_up(int variants, int k, int images, int expected) =>
        Assert.Equal(expected, HitBatches.Quota(variants, k, images));

    [Theory]
    // HITs of 9 stay in the 20% tier; one HIT of 20 pays 40%.
    [InlineData(new[] { 9, 9, 2 }, "0.50", "0.00", "10.00", "0.00", "2.00")]
    [InlineData(new[] { 20 }, "0.50", "0.00", "10.00", "0.00", "4.00")]
    // Fees are at least one cent per assignment, and rounded up per assignment.
    [InlineData(new[] { 3 }, "0.03", "0.00", "0.09", "0.00", "0.03")]
    [InlineData(new[] { 2 }, "1.23", "0.00", "2.46", "0.00", "0.50")]
    // A bonus per assignment pays the 20% commission too, never the large-HIT surcharge.
    [InlineData(new[] { 9, 1 }, "1.00", "0.50", "10.00", "5.00", "3.00")]
    public void The_cost_estimate_adds_MTurk_fees(int[] hits, string reward, string bonus, string rewards, string bonuses, string fees)
    {
        var cost = MTurkCost.Estimate(hits, decimal.Parse(reward, System.Globalization.CultureInfo.InvariantCulture), decimal.Parse(bonus, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(hits.Sum(), cost.Assignments);
        Assert.Equal(rewards, cost.Rewards.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(bonuses, cost.Bonuses.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(fees, cost.Fees.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(cost.Rewards + cost.Bonuses + cost.Fees, cost.Total);
    }
}
