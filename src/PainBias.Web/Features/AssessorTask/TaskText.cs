using System.Globalization;
using System.Resources;

namespace PainBias.Web.Features.AssessorTask;

/// <summary>
/// The task's strings from Resources/TaskText*.resx in one culture. The culture is passed explicitly rather than read
/// from the thread: a static page renders for one session, whose language is stored with it.
/// </summary>
public sealed class TaskText(CultureInfo culture)
{
    private static readonly ResourceManager Resources = new("PainBias.Web.Resources.TaskText", typeof(TaskText).Assembly);

    public CultureInfo Culture => culture;

    public string this[string key] =>
        Resources.GetString(key, culture) ?? throw new KeyNotFoundException($"Task text '{key}' is missing from Resources/TaskText.resx.");

    public string Format(string key, params object[] args) => string.Format(culture, this[key], args);

    public static TaskText For(string culture) => new(CultureInfo.GetCultureInfo(TaskCultures.Match(culture) ?? TaskCultures.English));
}
