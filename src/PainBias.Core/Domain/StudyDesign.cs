namespace PainBias.Core.Domain;

/// <summary>
/// The experiment's fixed rules: how many independent ratings each variant needs per platform, how many
/// images one assessor rates, and how long a reserved slot is held.
/// </summary>
public sealed record StudyDesign
{
    /// <summary>The reference study: k=5 on MTurk, k=3 on Credamo, one image per assessor, 30-minute holds.</summary>
    public static StudyDesign Reference { get; } = new(
        new Dictionary<Platform, int> { [Platform.MTurk] = 5, [Platform.Credamo] = 3, [Platform.Direct] = 3 },
        ImagesPerAssessor: 1,
        HoldDuration: TimeSpan.FromMinutes(30));

    public StudyDesign(IReadOnlyDictionary<Platform, int> RatingsPerVariant, int ImagesPerAssessor, TimeSpan HoldDuration)
    {
        if (RatingsPerVariant.Count == 0)
            throw new ArgumentException("At least one platform needs a rating quota.", nameof(RatingsPerVariant));
        foreach (var (platform, k) in RatingsPerVariant)
        {
            if (k is < 1 or > 1000)
                throw new ArgumentOutOfRangeException(nameof(RatingsPerVariant), k, $"Ratings per variant on {platform} must be 1..1000.");
        }
        if (ImagesPerAssessor is < 1 or > 4)
            throw new ArgumentOutOfRangeException(nameof(ImagesPerAssessor), ImagesPerAssessor,
                "Images per assessor must be 1..4: one assessor never sees two variants of one face, and a face has four variants.");
        if (HoldDuration <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(HoldDuration), HoldDuration, "Hold duration must be positive.");
        this.RatingsPerVariant = RatingsPerVariant;
        this.ImagesPerAssessor = ImagesPerAssessor;
        this.HoldDuration = HoldDuration;
    }

    public IReadOnlyDictionary<Platform, int> RatingsPerVariant { get; }
    public int ImagesPerAssessor { get; }
    public TimeSpan HoldDuration { get; }

    /// <summary>k for a platform; 0 when the study does not recruit there.</summary>
    public int QuotaFor(Platform platform) => RatingsPerVariant.TryGetValue(platform, out var k) ? k : 0;
}
