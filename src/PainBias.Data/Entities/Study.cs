using PainBias.Core.Domain;

namespace PainBias.Data.Entities;

/// <summary>One experiment, owned by one researcher.</summary>
public sealed class Study
{
    public Guid Id { get; set; }
    public required string Name { get; set; }
    public string Description { get; set; } = "";
    public required string OwnerId { get; set; }
    public DateTime CreatedAt { get; set; }
    public bool IsDemo { get; set; }

    /// <summary>Side of the square normalised image, in pixels.</summary>
    public int ImageSize { get; set; } = 512;
    public bool Greyscale { get; set; } = true;

    public int RatingsPerVariantMTurk { get; set; } = 5;
    public int RatingsPerVariantCredamo { get; set; } = 3;
    public int RatingsPerVariantDirect { get; set; } = 3;
    public int ImagesPerAssessor { get; set; } = 1;
    public int HoldMinutes { get; set; } = 30;

    /// <summary>A rating submitted faster than this is stored but flagged TooFast and left out of analyses.</summary>
    public int MinSecondsPerRating { get; set; } = 5;

    /// <summary>Flags that exclude a rating (its slot re-opens); see <see cref="ExclusionRules"/>.</summary>
    public ExclusionReason ExcludeFor { get; set; } = ExclusionRules.Default.ExcludeFor;

    /// <summary>Flags that also reject the assignment at MTurk review (always excluded too).</summary>
    public ExclusionReason RejectFor { get; set; } = ExclusionRules.Default.RejectFor;

    /// <summary>More task sessions than this from one network address flag their ratings <see cref="ExclusionReason.SharedNetwork"/>.</summary>
    public int MaxSessionsPerNetwork { get; set; } = 3;

    public ExclusionRules Rules() => new(ExcludeFor, RejectFor);

    /// <summary>
    /// Secret per study, keyed into the worker hashes of exports: the same worker gets the same hash in every export of
    /// this study, and no hash can be linked to a platform id or to another study's exports without the database.
    /// </summary>
    public string ExportSalt { get; set; } = NewExportSalt();

    public static string NewExportSalt() => Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    public List<SourceFace> SourceFaces { get; set; } = [];

    public StudyDesign Design() => new(
        new Dictionary<Platform, int>
        {
            [Platform.MTurk] = RatingsPerVariantMTurk,
            [Platform.Credamo] = RatingsPerVariantCredamo,
            [Platform.Direct] = RatingsPerVariantDirect,
        },
        ImagesPerAssessor,
        TimeSpan.FromMinutes(HoldMinutes));
}
