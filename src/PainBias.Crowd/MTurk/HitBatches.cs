namespace PainBias.Crowd.MTurk;

/// <summary>How a launch's assignments are split into HITs.</summary>
public static class HitBatches
{
    /// <summary>MTurk charges another 20% on HITs with 10 or more assignments; 9 stays in the cheaper tier.</summary>
    public const int MaxAssignmentsPerHit = 9;

    /// <summary>Assignments per HIT, in order: full HITs of <paramref name="perHit"/>, then the rest.</summary>
    public static IReadOnlyList<int> Plan(int totalAssignments, int perHit = MaxAssignmentsPerHit)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(totalAssignments);
        ArgumentOutOfRangeException.ThrowIfLessThan(perHit, 1);
        var sizes = new List<int>();
        for (var left = totalAssignments; left > 0; left -= perHit)
        {
            sizes.Add(Math.Min(left, perHit));
        }

        return sizes;
    }

    /// <summary>
    /// Assignments an MTurk launch needs to cover a study: every variant rated k times, each assessor rating
    /// <paramref name="imagesPerAssessor"/> images, rounded up.
    /// </summary>
    public static int Quota(int variants, int ratingsPerVariant, int imagesPerAssessor)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(variants);
        ArgumentOutOfRangeException.ThrowIfNegative(ratingsPerVariant);
        ArgumentOutOfRangeException.ThrowIfLessThan(imagesPerAssessor, 1);
        return (variants * ratingsPerVariant + imagesPerAssessor - 1) / imagesPerAssessor;
    }
}
