namespace PainBias.Web.Features.AssessorTask;

public static class TaskPaths
{
    public static string Session(Guid sessionId, string? lang = null) =>
        TaskCultures.Match(lang) is { } culture ? $"/task/s/{sessionId}?lang={culture}" : $"/task/s/{sessionId}";

    public static string Image(Guid sessionId) => $"/task/s/{sessionId}/image";

    /// <summary>
    /// Answers with an error status and the page's own message. The app-wide status-code page would replace the
    /// message (and cannot re-execute a static component page anyway).
    /// </summary>
    public static void Respond(HttpContext http, int status)
    {
        http.Response.StatusCode = status;
        if (http.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodePagesFeature>() is { } pages)
            pages.Enabled = false;
    }

    /// <summary>Status code and message for an arrival that gets no session.</summary>
    public static (int Status, string MessageKey) Refused(StartTask.Refusal refusal) => refusal switch
    {
        StartTask.Refusal.Blocked => (StatusCodes.Status403Forbidden, "Link.Blocked"),
        StartTask.Refusal.AlreadyUsed => (StatusCodes.Status409Conflict, "Link.AlreadyUsed"),
        StartTask.Refusal.Excluded => (StatusCodes.Status403Forbidden, "Link.Excluded"),
        StartTask.Refusal.TookPartInLinkedStudy => (StatusCodes.Status403Forbidden, "Link.LinkedStudy"),
        _ => (StatusCodes.Status400BadRequest, "Link.Unknown"),
    };
}
