using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PainBias.Data;
using PainBias.Web.Features.AssessorTask;

namespace PainBias.Web.Features.ParticipantLinks;

/// <summary>
/// Makes an issued link single-use: the first browser to open it gets a secret cookie whose hash is stored on the link
/// (one conditional UPDATE, so two first opens at once cannot both win); later opens resume only with that cookie.
/// </summary>
public sealed class LinkClaims(IDbContextFactory<PainBiasDbContext> contexts, IOptions<TaskOptions> options, TimeProvider clock)
{
    public enum Outcome { Claimed, Resumed, AlreadyUsed, Unknown }

    public sealed record Result(Outcome Outcome, string? CompletionCode)
    {
        public bool Allowed => Outcome is Outcome.Claimed or Outcome.Resumed;
    }

    public async Task<Result> ClaimAsync(TaskLink link, HttpContext http, CancellationToken cancellationToken)
    {
        if (link.LinkId is not { } linkId)
            return new Result(Outcome.Unknown, null);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var issued = await db.ParticipantLinks.AsNoTracking()
            .Where(l => l.Id == linkId && l.StudyId == link.StudyId && l.ParticipantId == link.WorkerId)
            .Select(l => new { l.CompletionCode, l.ClaimHash })
            .SingleOrDefaultAsync(cancellationToken);
        if (issued is null)
            return new Result(Outcome.Unknown, null);

        var cookieName = CookieName(linkId);
        if (issued.ClaimHash is not null)
        {
            return http.Request.Cookies[cookieName] is { Length: > 0 } secret && Matches(issued.ClaimHash, secret)
                ? new Result(Outcome.Resumed, issued.CompletionCode)
                : new Result(Outcome.AlreadyUsed, null);
        }

        var newSecret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var hash = Hash(newSecret);
        var now = clock.GetUtcNow().UtcDateTime;
        var won = await db.ParticipantLinks
            .Where(l => l.Id == linkId && l.ClaimHash == null)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.ClaimHash, hash).SetProperty(l => l.ClaimedAt, now), cancellationToken);
        if (won == 0)
            return new Result(Outcome.AlreadyUsed, null);
        http.Response.Cookies.Append(cookieName, newSecret, new CookieOptions
        {
            Path = "/task", HttpOnly = true, Secure = http.Request.IsHttps, SameSite = SameSiteMode.Lax, IsEssential = true,
            MaxAge = TimeSpan.FromDays(options.Value.LinkLifetimeDays),
        });
        return new Result(Outcome.Claimed, issued.CompletionCode);
    }

    private static string CookieName(Guid linkId) => $"pb_link_{linkId:N}";

    private static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static bool Matches(string storedHash, string secret) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(storedHash), Encoding.ASCII.GetBytes(Hash(secret)));
}
