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
}
