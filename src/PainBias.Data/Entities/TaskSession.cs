using PainBias.Core.Domain;

namespace PainBias.Data.Entities;

/// <summary>Where an assessor is in the task. Stored, so a refresh, Back or a dropped connection returns to the same step.</summary>
/// <remarks>LinkedStudy: refused at the first slot because the worker took part in a linked study first (two entries at once).</remarks>
public enum TaskStep { Consent, Instructions, Screening, Rating, Completed, Declined, StudyFull, ScreeningFailed, LinkedStudy }

/// <summary>
/// One assessor's pass through one study's task. The id is the capability in the task URL (random, never listed);
/// one session per worker and study, so a second arrival of the same worker resumes instead of starting over.
/// </summary>
public sealed class TaskSession
{
    public Guid Id { get; set; }
    public Guid StudyId { get; set; }
    public Guid WorkerId { get; set; }
    public Platform Platform { get; set; }

    /// <summary>UI culture, "en" or "zh-CN".</summary>
    public required string Culture { get; set; }
    public TaskStep Step { get; set; }

    /// <summary>A researcher taking the task as an assessor would: the rating is stored but never counts.</summary>
    public bool IsPreview { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime? ConsentedAt { get; set; }
    public DateTime? InstructionsDoneAt { get; set; }

    /// <summary>Which gold item the screening shows now (0-based), and how many so far were outside tolerance.</summary>
    public int ScreeningIndex { get; set; }
    public int ScreeningMisses { get; set; }
    public bool? ComprehensionPassed { get; set; }

    /// <summary>The slot being rated; set when the rating step begins.</summary>
    public Guid? ReservationId { get; set; }

    /// <summary>When the rating page was first shown for <see cref="ReservationId"/>: the start of the rating time.</summary>
    public DateTime? RatingShownAt { get; set; }
    public DateTime? FinishedAt { get; set; }
    public string? CompletionCode { get; set; }

    /// <summary>The code issued with a single-use link (Credamo, Direct): shown at completion instead of a new one.</summary>
    public string? IssuedCompletionCode { get; set; }

    /// <summary>
    /// Keyed hash (HMAC-SHA-256 with the study's secret) of the client's network address at entry, for the
    /// many-workers-from-one-address signal. The address itself is never stored.
    /// </summary>
    public string? NetworkHash { get; set; }

    // MTurk's parameters, kept for the final externalSubmit and for review.
    public string? AssignmentId { get; set; }
    public string? HitId { get; set; }
    public string? TurkSubmitTo { get; set; }
}
