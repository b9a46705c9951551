using System.Security.Claims;
using PainBias.Data.Entities;

namespace PainBias.Web.Hosting;

/// <summary>Who is asking: handlers scope every query by it, so a researcher only ever reaches their own studies.</summary>
public sealed record Actor(string UserId, bool IsAdmin)
{
    public static Actor From(ClaimsPrincipal user) => new(
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("The request is not authenticated."),
        user.IsInRole(Roles.Admin));
}
