namespace PainBias.Crowd.MTurk;

/// <summary>What a launch will cost, in US dollars, before anything is published.</summary>
public sealed record MTurkCost(int Assignments, decimal Rewards, decimal Bonuses, decimal Fees)
{
    public decimal Total => Rewards + Bonuses + Fees;

    /// <summary>MTurk's commission: 20% of rewards and bonuses.</summary>
    public const decimal Commission = 0.20m;

    /// <summary>Charged on top for a HIT with 10 or more assignments.</summary>
    public const decimal LargeHitCommission = 0.20m;

    /// <summary>The smallest commission MTurk takes per assignment or bonus.</summary>
    public const decimal MinimumFee = 0.01m;

    /// <summary>
    /// Rewards, bonuses and fees for HITs of the given sizes. Fees are taken per assignment and per bonus, rounded up to
    /// the cent and never below MTurk's minimum, so the estimate does not fall short of the bill.
    /// </summary>
    public static MTurkCost Estimate(IReadOnlyList<int> assignmentsPerHit, decimal reward, decimal bonusPerAssignment = 0m)
    {
        ArgumentNullException.ThrowIfNull(assignmentsPerHit);
        ArgumentOutOfRangeException.ThrowIfNegative(reward);
        ArgumentOutOfRangeException.ThrowIfNegative(bonusPerAssignment);
        decimal rewards = 0, bonuses = 0, fees = 0;
        var count = 0;
        foreach (var size in assignmentsPerHit)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(size);
            var rate = Commission + (size >= 10 ? LargeHitCommission : 0m);
            count += size;
            rewards += size * reward;
            fees += size * Fee(reward, rate);
            if (bonusPerAssignment > 0)
            {
                bonuses += size * bonusPerAssignment;
                fees += size * Fee(bonusPerAssignment, Commission);
            }
        }

        return new MTurkCost(count, rewards, bonuses, fees);
    }

    private static decimal Fee(decimal amount, decimal rate) =>
        Math.Max(MinimumFee, Math.Ceiling(amount * rate * 100m) / 100m);
}
