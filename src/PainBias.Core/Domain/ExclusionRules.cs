namespace PainBias.Core.Domain;

/// <summary>What a study does with a rating that carries a check's or signal's flag.</summary>
public enum RuleAction
{
    /// <summary>The flag is stored and reported; the rating stays included.</summary>
    ReportOnly,
    /// <summary>The rating is excluded from analyses and its slot re-opens.</summary>
    Exclude,
    /// <summary>Excluded, and on MTurk the assignment is rejected at review.</summary>
    Reject,
}

/// <summary>
/// A study's choice per rule, as two bit sets over <see cref="ExclusionReason"/>: the reasons that exclude and, of
/// those, the ones that also reject. Screening failures, duplicate or blocked workers and previews always exclude.
/// </summary>
public readonly record struct ExclusionRules(ExclusionReason ExcludeFor, ExclusionReason RejectFor)
{
    /// <summary>Reasons no rule can include.</summary>
    public const ExclusionReason AlwaysExcluding =
        ExclusionReason.FailedScreening | ExclusionReason.DuplicateWorker | ExclusionReason.BlockedWorker | ExclusionReason.Preview;

    /// <summary>The rules a researcher chooses, in the order the settings page lists them.</summary>
    public static IReadOnlyList<ExclusionReason> Configurable { get; } =
    [
        ExclusionReason.FailedAttention, ExclusionReason.ManipulationCheckFailed, ExclusionReason.LooksEdited, ExclusionReason.TooFast,
        ExclusionReason.Honeypot, ExclusionReason.UniformAnswers, ExclusionReason.IdenticalAnswers, ExclusionReason.SharedNetwork,
    ];

    /// <summary>
    /// A new study: too fast and a filled honeypot exclude (as before these rules existed, too fast always did);
    /// attention and manipulation failures are flags only (DESIGN: flags, not automatic rejections), like the weaker signals.
    /// </summary>
    public static ExclusionRules Default { get; } = new(ExclusionReason.TooFast | ExclusionReason.Honeypot, ExclusionReason.None);

    public RuleAction ActionFor(ExclusionReason rule) =>
        (RejectFor & rule) == rule && rule != ExclusionReason.None ? RuleAction.Reject
        : (ExcludeFor & rule) == rule && rule != ExclusionReason.None ? RuleAction.Exclude
        : RuleAction.ReportOnly;

    public ExclusionRules With(ExclusionReason rule, RuleAction action) => new(
        action == RuleAction.ReportOnly ? ExcludeFor & ~rule : ExcludeFor | rule,
        action == RuleAction.Reject ? RejectFor | rule : RejectFor & ~rule);

    /// <summary>Whether a rating with these flags counts (and fills its slot).</summary>
    public bool Includes(ExclusionReason reasons) => (reasons & (AlwaysExcluding | ExcludeFor | RejectFor)) == ExclusionReason.None;
}
