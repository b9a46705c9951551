using PainBias.Core.Domain;

namespace PainBias.Web.Features.StudySettings;

/// <summary>How the settings page and the codebook name each rule.</summary>
public static class RuleLabels
{
    public static string Label(ExclusionReason rule) => rule switch
    {
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
}
