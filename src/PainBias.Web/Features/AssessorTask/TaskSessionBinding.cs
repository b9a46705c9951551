using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using PainBias.Core.Domain;

namespace PainBias.Web.Features.AssessorTask;

/// <summary>
/// Ties a task session to the browser that entered it through its link: a cookie holding the session id sealed by Data
/// Protection, set on entry. Without it the session address alone (from the address bar, forwarded or copied) would
/// let another browser take over the assessor's task and completion code. MTurk sessions are exempt: they run in
/// MTurk's frame, where a cookie is third-party and Safari drops it; there the HIT's assignment binds the worker.
/// </summary>
public sealed class TaskSessionBinding(IDataProtectionProvider protection, IOptions<TaskOptions> options)
{
    private readonly IDataProtector _protector = protection.CreateProtector("PainBias.Task.SessionBinding.v1");

    public static string CookieName(Guid sessionId) => $"pb_s_{sessionId:N}";

    public void Bind(HttpContext http, Guid sessionId) =>
        http.Response.Cookies.Append(CookieName(sessionId), _protector.Protect(sessionId.ToString("N")), new CookieOptions
        {
            Path = "/task", HttpOnly = true, Secure = http.Request.IsHttps, SameSite = SameSiteMode.Lax, IsEssential = true,
            MaxAge = TimeSpan.FromDays(options.Value.LinkLifetimeDays),
        });

    /// <summary>Whether this request may act on the session: an MTurk session, or a browser holding its cookie.</summary>
    public bool Allows(HttpContext http, Guid sessionId, Platform platform)
    {
        if (platform == Platform.MTurk)
            return true;
        if (http.Request.Cookies[CookieName(sessionId)] is not { Length: > 0 } sealedId)
            return false;
        try
        {
            return _protector.Unprotect(sealedId) == sessionId.ToString("N");
        }
        catch (CryptographicException)
        {
            return false;
        }
    }
}
