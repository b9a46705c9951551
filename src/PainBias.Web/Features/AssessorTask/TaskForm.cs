namespace PainBias.Web.Features.AssessorTask;

/// <summary>
/// Everything any step of the task posts. One form name for all steps, with the step it was rendered for, so a post
/// from a stale page (Back, a second tab, a double click) is recognised instead of failing.
/// Values are nullable: a missing or non-numeric field is reported by name, never defaulted.
/// </summary>
public sealed class TaskForm
{
    public string? Step { get; set; }
    public string? Consent { get; set; }

    public Guid? IdempotencyKey { get; set; }
    public Guid? VariantId { get; set; }
    public int? Au4 { get; set; }
    public int? Au6 { get; set; }
    public int? Au7 { get; set; }
    public int? Au9 { get; set; }
    public int? Au10 { get; set; }
    public int? Au43 { get; set; }
    public string? Attention { get; set; }
    public string? PerceivedRace { get; set; }
    public string? PerceivedAge { get; set; }
    public string? LooksEdited { get; set; }

    /// <summary>The honeypot: a text field no person sees (off-screen, out of the tab order); anything in it is a bot's.</summary>
    public string? Website { get; set; }

    public Guid? ScreeningItem { get; set; }
    public string? Comprehension { get; set; }
}
