using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace PainBias.Crowd.Simulation;

/// <summary>One radio-button question as a person sees it: its legend and its options' labels.</summary>
public sealed record Choice(string Name, string Legend, IReadOnlyList<(string Value, string Label)> Options);

/// <summary>
/// A task page as a browser parsed it (AngleSharp): the form's served fields, its visible questions and buttons, the
/// face image and the completion code. Posting follows HTML form rules: every successful control with its served
/// value, plus the answers the bot gave to visible questions and the button it clicked. A field no person could see
/// (hidden by the page: the hidden attribute, aria-hidden, inline display:none or visibility:hidden) is never answered.
/// </summary>
public sealed class ServedPage
{
    private static readonly HtmlParser Parser = new();

    private readonly IHtmlFormElement? form;

    private ServedPage(IHtmlDocument document)
    {
        // The task form is the one that names its step; the MTurk hand-back form on the last page does not.
        form = document.Forms.FirstOrDefault(f => f.QuerySelector("input[name='Form.Step']") is not null);
        Step = (form?.QuerySelector("input[name='Form.Step']") as IHtmlInputElement)?.Value;
        FaceImage = document.QuerySelector("img.task-face")?.GetAttribute("src");
        CompletionCode = document.QuerySelector("#completion-code")?.TextContent.Trim();
        Choices = form is null ? [] : ReadChoices(form);
        Errors = document.QuerySelectorAll("[role=alert] li").Select(e => e.TextContent.Trim()).ToList();
    }

    public static ServedPage Parse(string html) => new(Parser.ParseDocument(html));

    /// <summary>The step the page was rendered for (the form's hidden field), or null when there is no task form.</summary>
    public string? Step { get; }

    public string? FaceImage { get; }

    public string? CompletionCode { get; }

    /// <summary>The visible radio questions, by field name.</summary>
    public IReadOnlyDictionary<string, Choice> Choices { get; }

    /// <summary>Messages the page shows about the last post.</summary>
    public IReadOnlyList<string> Errors { get; }

    public bool HasForm => form is not null;

    /// <summary>A served hidden or text field's value.</summary>
    public string? Field(string name) => (form?.Elements[name] as IHtmlInputElement)?.Value;

    /// <summary>
    /// The body a browser posts when the person has chosen <paramref name="answers"/> and clicked the button named
    /// <paramref name="buttonName"/> with <paramref name="buttonValue"/> (or the form's only unnamed button).
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, string>> Submission(IReadOnlyDictionary<string, string> answers,
        string? buttonName = null, string? buttonValue = null)
    {
        if (form is null)
            throw new InvalidOperationException("The page has no task form.");
        foreach (var name in answers.Keys)
        {
            if (!Choices.TryGetValue(name, out var choice) || choice.Options.All(o => o.Value != answers[name]))
                throw new InvalidOperationException($"The page offers no visible option {answers[name]} for {name}.");
        }
        var body = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            if (element is IHtmlInputElement { IsDisabled: false, Name.Length: > 0 } input)
            {
                switch (input.Type)
                {
                    case "radio" or "checkbox":
                        // The bot's own choice where it answered; otherwise whatever the page had checked.
                        if (answers.TryGetValue(input.Name!, out var chosen) ? chosen == input.Value : input.IsChecked)
                            body.Add(new(input.Name!, input.Value));
                        break;
                    case "submit" or "button" or "image" or "reset" or "file":
                        break;
                    default:
                        // Hidden and text fields go back exactly as served: a honeypot stays empty.
                        body.Add(new(input.Name!, input.Value));
                        break;
                }
            }
            else if (element is IHtmlTextAreaElement { IsDisabled: false, Name.Length: > 0 } area)
            {
                body.Add(new(area.Name!, area.Value));
            }
        }
        if (buttonName is not null)
        {
            var button = form.QuerySelectorAll("button[type=submit], button:not([type])").OfType<IHtmlButtonElement>()
                .FirstOrDefault(b => b.Name == buttonName && b.Value == buttonValue && IsVisible(b))
                ?? throw new InvalidOperationException($"The page has no visible button {buttonName}={buttonValue}.");
            body.Add(new(button.Name!, button.Value));
        }
        return body;
    }

    private static Dictionary<string, Choice> ReadChoices(IHtmlFormElement form) =>
        form.QuerySelectorAll("input[type=radio]").OfType<IHtmlInputElement>()
            .Where(r => r.Name is { Length: > 0 } && !r.IsDisabled && IsVisible(r))
            .GroupBy(r => r.Name!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => new Choice(
                g.Key,
                g.First().Closest("fieldset")?.QuerySelector("legend")?.TextContent.Trim() ?? "",
                g.Select(r => (r.Value, LabelOf(r))).ToList()), StringComparer.Ordinal);

    private static string LabelOf(IHtmlInputElement input) =>
        (input.Labels.FirstOrDefault()?.TextContent ?? input.ParentElement?.TextContent ?? "").Trim();

    private static bool IsVisible(IElement element)
    {
        for (var e = element; e is not null; e = e.ParentElement)
        {
            if (e.HasAttribute("hidden") || e.GetAttribute("aria-hidden") == "true")
                return false;
            var style = (e.GetAttribute("style") ?? "").Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant();
            if (style.Contains("display:none", StringComparison.Ordinal) || style.Contains("visibility:hidden", StringComparison.Ordinal))
                return false;
        }
        return true;
    }
}
