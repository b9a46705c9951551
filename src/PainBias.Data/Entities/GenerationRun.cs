namespace PainBias.Data.Entities;

/// <summary>
/// One request to generate a study's missing variants, and its progress as the job writes it: how many (face, editor)
/// items there are, how many were made, skipped because the variant exists, or failed, with one message per failure.
/// </summary>
public sealed class GenerationRun
{
    public Guid Id { get; set; }
    public Guid StudyId { get; set; }

    /// <summary>The request (built-in strength, editor ids, chaining, seed) as JSON, so a retry runs the same work.</summary>
    public required string RequestJson { get; set; }
    public GenerationState State { get; set; }
    public int Total { get; set; }
    public int Created { get; set; }
    public int Skipped { get; set; }
    public int Failed { get; set; }

    /// <summary>Per-item failures as a JSON array of { face, condition, editor, message }.</summary>
    public string? FailuresJson { get; set; }

    /// <summary>Why the whole run stopped, when it did (the study vanished, no editor could be loaded).</summary>
    public string? Error { get; set; }
    public string? JobId { get; set; }
    public string? Node { get; set; }
    public DateTime RequestedAt { get; set; }
    public DateTime? StartedAt { get; set; }
    public DateTime? FinishedAt { get; set; }
}

public enum GenerationState
{
    Queued,
    Running,
    Finished,
    Failed,
}
