using PainBias.Core.Domain;

namespace PainBias.Data.Entities;

/// <summary>
/// The sufficient statistics of one variant's ratings on one platform, kept by database triggers on Assessments
/// (see <see cref="Summaries.VariantRatingSummarySql"/>), so the dashboard reads one row per variant and platform instead
/// of every rating. Counts of submitted ratings and exclusion reasons cover every rating; the rest covers included ones.
/// Sums are exact 64-bit integers (PSPI and AUs are small integers). Written only by the triggers, never by code.
/// </summary>
public sealed class VariantRatingSummary
{
    public Guid VariantId { get; set; }
    public Platform Platform { get; set; }
    public Guid StudyId { get; set; }

    public long Submitted { get; set; }
    public long FailedScreening { get; set; }
    public long FailedAttention { get; set; }
    public long TooFast { get; set; }
    public long DuplicateWorker { get; set; }
    public long BlockedWorker { get; set; }
    public long Preview { get; set; }
    public long ManipulationCheckFailed { get; set; }
    public long LooksEdited { get; set; }
    public long Honeypot { get; set; }
    public long UniformAnswers { get; set; }
    public long IdenticalAnswers { get; set; }
    public long SharedNetwork { get; set; }

    /// <summary>Included ratings; the n of every sum below.</summary>
    public long Included { get; set; }
    public long PspiSum { get; set; }
    public long PspiSumSquares { get; set; }
    public long Au4Sum { get; set; }
    public long Au4SumSquares { get; set; }
    public long Au6Sum { get; set; }
    public long Au6SumSquares { get; set; }
    public long Au7Sum { get; set; }
    public long Au7SumSquares { get; set; }
    public long Au9Sum { get; set; }
    public long Au9SumSquares { get; set; }
    public long Au10Sum { get; set; }
    public long Au10SumSquares { get; set; }
    public long Au43Sum { get; set; }
    public long Au43SumSquares { get; set; }

    // Check answers of included ratings.
    public long RaceAnswerW { get; set; }
    public long RaceAnswerB { get; set; }
    public long AgeAnswerYoung { get; set; }
    public long AgeAnswerSenior { get; set; }
    public long LooksEditedYes { get; set; }
    public long LooksEditedNo { get; set; }
}
