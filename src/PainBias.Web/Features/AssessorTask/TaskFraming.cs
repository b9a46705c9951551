using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Options;

namespace PainBias.Web.Features.AssessorTask;

/// <summary>
/// Only the assessor task may be framed, and only by MTurk's worker sites (an ExternalQuestion HIT shows it in an
/// iframe). Every other page keeps refusing frames. Antiforgery's own X-Frame-Options is switched off for this: it
/// would refuse MTurk's frame, and the policy below says the same for every other page.
/// </summary>
public static class TaskFraming
{
    private static readonly string TaskPolicy = "frame-ancestors 'self' " + string.Join(' ', MTurkHosts.FrameAncestors);

    public static IServiceCollection AddTaskFraming(this IServiceCollection services) =>
        services.Configure<AntiforgeryOptions>(o => o.SuppressXFrameOptionsHeader = true)
            // Chinese pages as characters, not &#x...; escapes: readable source and half the bytes on a slow phone.
            .AddWebEncoders(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));

    public static IApplicationBuilder UseTaskFraming(this IApplicationBuilder app) => app.Use((http, next) =>
    {
        if (http.Request.Path.StartsWithSegments("/task"))
        {
            var extra = http.RequestServices.GetRequiredService<IOptions<TaskOptions>>().Value.MTurkWorkerSites;
            http.Response.Headers.ContentSecurityPolicy = extra.Length == 0 ? TaskPolicy : TaskPolicy + " " + string.Join(' ', extra);
        }
        else
        {
            http.Response.Headers.ContentSecurityPolicy = "frame-ancestors 'self'";
            http.Response.Headers.XFrameOptions = "SAMEORIGIN";
        }
        return next(http);
    });
}
