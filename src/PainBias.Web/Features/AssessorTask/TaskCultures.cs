using Microsoft.Net.Http.Headers;

namespace PainBias.Web.Features.AssessorTask;

/// <summary>The task's languages and how one is chosen: the link or ?lang= first, then the browser's Accept-Language.</summary>
public static class TaskCultures
{
    public const string English = "en";
    public const string Chinese = "zh-CN";

    public static IReadOnlyList<string> Supported { get; } = [English, Chinese];

    /// <summary>A supported culture for a tag such as "zh", "zh-Hans-CN" or "en-GB"; null when none fits.</summary>
    public static string? Match(string? tag)
    {
        var value = tag?.Trim().Replace('_', '-');
        if (string.IsNullOrEmpty(value))
            return null;
        if (value.StartsWith("zh", StringComparison.OrdinalIgnoreCase))
            return Chinese;
        return value.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? English : null;
    }

    public static string Resolve(string? requested, string? fromLink, string? acceptLanguage) =>
        Match(requested) ?? Match(fromLink) ?? FromAcceptLanguage(acceptLanguage) ?? English;

    private static string? FromAcceptLanguage(string? header)
    {
        if (string.IsNullOrWhiteSpace(header) || !StringWithQualityHeaderValue.TryParseList([header], out var values))
            return null;
        return values.OrderByDescending(v => v.Quality ?? 1.0)
            .Select(v => Match(v.Value.Value))
            .FirstOrDefault(c => c is not null);
    }
}
