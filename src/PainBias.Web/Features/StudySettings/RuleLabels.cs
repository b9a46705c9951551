using PainBias.Core.Domain;

namespace PainBias.Web.Features.StudySettings;

/// <summary>How the settings page, the codebook and the dashboard name each rule.</summary>
public static class RuleLabels
{
    public static string Label(ExclusionReason rule) => rule switch
    {
        ExclusionReason.FailedScreening => "Failed the screening (always excluded)",
        ExclusionReason.DuplicateWorker => "A worker already seen in this or a linked study (always excluded)",
        ExclusionReason.BlockedWorker => "A blocked worker (always excluded)",
        ExclusionReason.Preview => "A researcher's preview (always excluded)",
        ExclusionReason.FailedAttention => "Failed the attention item",
        ExclusionReason.ManipulationCheckFailed => "Manipulation check wrong (answered race or age group differs from the variant's)",
        ExclusionReason.LooksEdited => "Said the image looks edited or fake",
        ExclusionReason.TooFast => "Faster than the minimum seconds per rating",
        ExclusionReason.Honeypot => "Filled the hidden honeypot field (a bot)",
        ExclusionReason.UniformAnswers => "Uniform answers (all five intensities equal, or every rating the same)",
        ExclusionReason.IdenticalAnswers => "Identical answers to another worker's rating in this study",
        ExclusionReason.SharedNetwork => "More sessions from one network address than allowed",
        _ => rule.ToString(),
    };

    /// <summary>A few words for tight places (the dashboard's exclusion counts); <see cref="Label"/> explains it.</summary>
    public static string Short(ExclusionReason reason) => reason switch
    {
        ExclusionReason.FailedScreening => "Failed screening",
        ExclusionReason.FailedAttention => "Failed attention",
        ExclusionReason.TooFast => "Too fast",
        ExclusionReason.DuplicateWorker => "Duplicate worker",
        ExclusionReason.BlockedWorker => "Blocked worker",
        ExclusionReason.Preview => "Researcher preview",
        ExclusionReason.ManipulationCheckFailed => "Manipulation check wrong",
        ExclusionReason.LooksEdited => "Looks edited",
        ExclusionReason.Honeypot => "Honeypot",
        ExclusionReason.UniformAnswers => "Uniform answers",
        ExclusionReason.IdenticalAnswers => "Identical answers",
        ExclusionReason.SharedNetwork => "Shared network",
        _ => reason.ToString(),
    };
}
