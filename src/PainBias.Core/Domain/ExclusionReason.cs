namespace PainBias.Core.Domain;

/// <summary>
/// Why a rating is left out of analyses. Ratings are never deleted; they carry these flags.
/// Stored as a bit set so one rating can have several reasons.
/// </summary>
[Flags]
public enum ExclusionReason
{
    None = 0,
    FailedScreening = 1,
    FailedAttention = 2,
    TooFast = 4,
    DuplicateWorker = 8,
    BlockedWorker = 16,
    Preview = 32,

    // Checks and bot/fraud signals: always stored; whether they exclude is the study's rule (ExclusionRules).
    /// <summary>The answered race or age group differs from the variant's perceived race and age.</summary>
    ManipulationCheckFailed = 64,
    /// <summary>The assessor said the photo looks edited or fake.</summary>
    LooksEdited = 128,
    /// <summary>The hidden honeypot field, which no person sees, came back filled.</summary>
    Honeypot = 256,
    /// <summary>All five intensity AUs equal, or every rating of the worker the same.</summary>
    UniformAnswers = 512,
    /// <summary>The same answers (AUs and checks) as a rating by another worker of the study.</summary>
    IdenticalAnswers = 1024,
    /// <summary>More sessions of the study than the study allows came from one network address.</summary>
    SharedNetwork = 2048,
}
