namespace PainBias.Web.Features.Exports;

/// <summary>The codebook that ships with every ratings export; kept beside <see cref="RatingRow"/> so they change together.</summary>
public static class Codebook
{
    public static readonly IReadOnlyList<(string Column, string Meaning)> Columns =
    [
        ("assessment_id", "Unique id of the rating."),
        ("study_id", "The study."),
        ("platform", "MTurk, Credamo or Direct."),
        ("worker_hash", "HMAC-SHA256 of platform and worker id under a secret of this study (hex). Stable within the study's exports; not linkable to the platform id or to other studies."),
        ("subject_id", "The source face's label (the researcher's subject code)."),
        ("gender", "Of the photographed person: F or M."),
        ("orig_race", "Race of the source photograph: W or B."),
        ("orig_age", "Age group of the source photograph: Y (18-34) or S (55+)."),
        ("variant", "original, skin (skin tone changed), age (apparent age changed), skin_age (both)."),
        ("perceived_race", "Race the variant is meant to show: orig_race flipped for skin and skin_age."),
        ("perceived_age", "Age group the variant is meant to show: orig_age flipped for age and skin_age."),
        ("au4", "Brow lowerer, 0 (absent) to 5 (FACS E)."),
        ("au6", "Cheek raiser, 0-5."),
        ("au7", "Lid tightener, 0-5."),
        ("au9", "Nose wrinkler, 0-5."),
        ("au10", "Upper-lip raiser, 0-5."),
        ("au43", "Eyes closed, 0 or 1."),
        ("pspi", "au4 + max(au6, au7) + max(au9, au10) + au43, 0-16, computed by the server."),
        ("answer_race", "Manipulation check: the race the assessor saw (W or B), empty if not asked."),
        ("answer_age", "Manipulation check: the age group the assessor saw (Y or S), empty if not asked."),
        ("answer_looks_edited", "Image-quality check: true if the assessor thought the photo looked edited or fake."),
        ("attention_passed", "Instructed-response item answered as instructed."),
        ("started_at_utc", "When the rating page was shown (ISO 8601, UTC)."),
        ("submitted_at_utc", "When the rating was stored (ISO 8601, UTC)."),
        ("seconds", "submitted_at_utc - started_at_utc, in seconds."),
        ("included", "true if the rating counts in analyses. Ratings are never deleted."),
        ("exclusion_reasons", "Every flag the rating carries, separated by '|' (see the flags below). An included rating may carry flags whose study rule is 'report only'; `included` says whether the study's rules exclude it."),
    ];

    /// <summary>What each flag of <c>exclusion_reasons</c> means; the study's settings page decides which exclude.</summary>
    public static readonly IReadOnlyList<(string Flag, string Meaning)> Flags =
    [
        ("FailedScreening", "Failed the screening (always excludes)."),
        ("FailedAttention", "Did not answer the instructed-response item as instructed."),
        ("TooFast", "Submitted faster than the study's minimum seconds per rating."),
        ("DuplicateWorker", "A second pass by a worker already seen (always excludes)."),
        ("BlockedWorker", "The worker is blocked (always excludes)."),
        ("Preview", "A researcher's preview (always excludes)."),
        ("ManipulationCheckFailed", "answer_race or answer_age differs from perceived_race or perceived_age."),
        ("LooksEdited", "answer_looks_edited is true."),
        ("Honeypot", "The hidden field that no person sees was filled: a bot."),
        ("UniformAnswers", "au4, au6, au7, au9 and au10 all equal, or all of the worker's ratings in the study identical."),
        ("IdenticalAnswers", "All AUs and check answers equal to a rating by another worker of the study."),
        ("SharedNetwork", "More task sessions of the study than its limit came from the worker's network address (only a keyed hash of the address is stored, and it is not exported)."),
    ];

    public static string Markdown()
    {
        var lines = new List<string>
        {
            "# Codebook: ratings export",
            "",
            "One row per submitted rating, UTF-8 with a byte-order mark, comma-separated, header in the first row.",
            "",
            "| column | meaning |",
            "| --- | --- |",
        };
        lines.AddRange(Columns.Select(c => $"| `{c.Column}` | {c.Meaning} |"));
        lines.AddRange(["", "## Flags in `exclusion_reasons`", "", "| flag | meaning |", "| --- | --- |"]);
        lines.AddRange(Flags.Select(f => $"| `{f.Flag}` | {f.Meaning} |"));
        return string.Join('\n', lines) + '\n';
    }
}
