using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using PainBias.Data.Entities;

namespace PainBias.Web.Features.Admin;

public sealed record UserRow(string Id, string Email, string? DisplayName, IReadOnlyList<string> Roles, bool LockedOut);

/// <summary>Admin-only account management: list accounts, add researchers, grant or revoke the admin role.</summary>
public sealed class UserAdministration(UserManager<PainBiasUser> users)
{
    public async Task<IReadOnlyList<UserRow>> ListAsync(CancellationToken cancellationToken)
    {
        var all = await users.Users.AsNoTracking().OrderBy(u => u.Email).ToListAsync(cancellationToken);
        var rows = new List<UserRow>(all.Count);
        foreach (var user in all)
        {
            rows.Add(new UserRow(user.Id, user.Email ?? user.UserName ?? user.Id, user.DisplayName,
                [.. await users.GetRolesAsync(user)], user.LockoutEnd > DateTimeOffset.UtcNow));
        }
        return rows;
    }

    /// <summary>Creates a researcher; returns Identity's own messages (duplicate e-mail, weak password) when it refuses.</summary>
    public async Task<IReadOnlyList<string>> CreateResearcherAsync(string email, string? displayName, string password, bool admin)
    {
        var user = new PainBiasUser { UserName = email.Trim(), Email = email.Trim(), EmailConfirmed = true, DisplayName = displayName?.Trim() };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
            return [.. created.Errors.Select(e => e.Description)];
        IEnumerable<string> roles = admin ? [Roles.Researcher, Roles.Admin] : [Roles.Researcher];
        var granted = await users.AddToRolesAsync(user, roles);
        return [.. granted.Errors.Select(e => e.Description)];
    }
}
