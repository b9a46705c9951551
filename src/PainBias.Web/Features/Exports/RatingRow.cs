using CsvHelper.Configuration.Attributes;

namespace PainBias.Web.Features.Exports;

/// <summary>One row of the tidy ratings export: one submitted rating. Column meanings are in <see cref="Codebook"/>.</summary>
public sealed record RatingRow(
    [property: Name("assessment_id")] Guid AssessmentId,
    [property: Name("study_id")] Guid StudyId,
    [property: Name("platform")] string Platform,
    [property: Name("worker_hash")] string WorkerHash,
    [property: Name("subject_id")] string SubjectId,
    [property: Name("gender")] string Gender,
    [property: Name("orig_race")] string OriginalRace,
    [property: Name("orig_age")] string OriginalAge,
    [property: Name("variant")] string Variant,
    [property: Name("perceived_race")] string PerceivedRace,
    [property: Name("perceived_age")] string PerceivedAge,
    [property: Name("au4")] int Au4,
    [property: Name("au6")] int Au6,
    [property: Name("au7")] int Au7,
    [property: Name("au9")] int Au9,
    [property: Name("au10")] int Au10,
    [property: Name("au43")] int Au43,
    [property: Name("pspi")] int Pspi,
    [property: Name("answer_race")] string? AnswerRace,
    [property: Name("answer_age")] string? AnswerAge,
    [property: Name("answer_looks_edited")] bool? AnswerLooksEdited,
    [property: Name("attention_passed")] bool? AttentionPassed,
    [property: Name("started_at_utc")] string StartedAt,
    [property: Name("submitted_at_utc")] string SubmittedAt,
    [property: Name("seconds")] double Seconds,
    [property: Name("included")] bool Included,
    [property: Name("exclusion_reasons")] string ExclusionReasons);
