using PainBias.Core.Domain;
using PainBias.Data.Entities;

namespace PainBias.Web.Features.StudySettings;

/// <summary>What the study settings page edits; <see cref="Validate"/> names every bad field.</summary>
public sealed class StudySettingsForm
{
    public int ImagesPerAssessor { get; set; }
    public int MinSecondsPerRating { get; set; }
    public int HoldMinutes { get; set; }
    public int RatingsPerVariantMTurk { get; set; }
    public int RatingsPerVariantCredamo { get; set; }
    public int RatingsPerVariantDirect { get; set; }
    public int MaxSessionsPerNetwork { get; set; }

    /// <summary>One action per configurable rule (<see cref="ExclusionRules.Configurable"/>).</summary>
    public Dictionary<ExclusionReason, RuleAction> Rules { get; set; } = [];

    public List<Guid> LinkedStudyIds { get; set; } = [];

    public static StudySettingsForm From(Study study, IEnumerable<Guid> linked) => new()
    {
        ImagesPerAssessor = study.ImagesPerAssessor, MinSecondsPerRating = study.MinSecondsPerRating, HoldMinutes = study.HoldMinutes,
        RatingsPerVariantMTurk = study.RatingsPerVariantMTurk, RatingsPerVariantCredamo = study.RatingsPerVariantCredamo,
        RatingsPerVariantDirect = study.RatingsPerVariantDirect, MaxSessionsPerNetwork = study.MaxSessionsPerNetwork,
        Rules = ExclusionRules.Configurable.ToDictionary(r => r, r => study.Rules().ActionFor(r)),
        LinkedStudyIds = linked.ToList(),
    };

    /// <summary>Field name → message, for every value out of range; empty when all are fine.</summary>
    public Dictionary<string, string> Validate()
    {
        var errors = new Dictionary<string, string>();
        // As on study creation and in StudyDesign: a face has four variants and nobody sees two of one face.
        Range(nameof(ImagesPerAssessor), ImagesPerAssessor, 1, 4, "Images per assessor");
        Range(nameof(MinSecondsPerRating), MinSecondsPerRating, 0, 600, "Minimum seconds per rating");
        Range(nameof(HoldMinutes), HoldMinutes, 1, 24 * 60, "Hold minutes");
        Range(nameof(RatingsPerVariantMTurk), RatingsPerVariantMTurk, 1, 100, "k on MTurk");
        Range(nameof(RatingsPerVariantCredamo), RatingsPerVariantCredamo, 1, 100, "k on Credamo");
        Range(nameof(RatingsPerVariantDirect), RatingsPerVariantDirect, 1, 100, "k on direct links");
        Range(nameof(MaxSessionsPerNetwork), MaxSessionsPerNetwork, 1, 1000, "Sessions per network address");
        foreach (var (rule, action) in Rules)
        {
            if (!ExclusionRules.Configurable.Contains(rule))
                errors[$"Rules.{rule}"] = $"{rule} is not a rule a study can set.";
            else if (!Enum.IsDefined(action))
                errors[$"Rules.{rule}"] = $"{rule}: choose Exclude, Reject or Report only.";
        }
        return errors;

        void Range(string field, int value, int min, int max, string label)
        {
            if (value < min || value > max)
                errors[field] = $"{label} must be {min}..{max} (was {value}).";
        }
    }

    public ExclusionRules ToRules(ExclusionRules current) =>
        Rules.Aggregate(current, (rules, rule) => rules.With(rule.Key, rule.Value));
}
