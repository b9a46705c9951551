using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using PainBias.Data.Entities;
using PainBias.Web.Hosting;

namespace PainBias.Web.Features.Admin;

/// <summary>Creates the roles and the first admin. Idempotent: an existing admin is left alone.</summary>
public sealed class AccountSeeder(
    RoleManager<IdentityRole> roles,
    UserManager<PainBiasUser> users,
    IOptions<AdminOptions> options,
    AdminLogin announcement,
    ILogger<AccountSeeder> logger)
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
                Check(await roles.CreateAsync(new IdentityRole(role)), $"create role {role}");
        }
        var email = options.Value.Email;
        announcement.Email = email;
        if (await users.FindByEmailAsync(email) is not null)
            return;

        var configured = options.Value.Password;
        var password = string.IsNullOrEmpty(configured) ? GeneratePassword() : configured;
        var admin = new PainBiasUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = "Administrator",
            MustChangePassword = string.IsNullOrEmpty(configured),
        };
        Check(await users.CreateAsync(admin, password), "create the first admin (check Admin:Password meets the password rules)");
        Check(await users.AddToRolesAsync(admin, [Roles.Admin, Roles.Researcher]), "grant the admin roles");
        if (string.IsNullOrEmpty(configured))
        {
            announcement.OneTimePassword = password;
            logger.LogWarning("Created the first admin {Email} with the one-time password {Password}", email, password);
        }
        else
        {
            logger.LogInformation("Created the first admin {Email} from configuration", email);
        }
    }

    public async Task<string> ResetAdminPasswordAsync(CancellationToken cancellationToken)
    {
        var admin = await users.FindByEmailAsync(options.Value.Email)
            ?? throw new InvalidOperationException($"No admin account {options.Value.Email} exists yet; start the platform once first.");
        var password = GeneratePassword();
        var token = await users.GeneratePasswordResetTokenAsync(admin);
        Check(await users.ResetPasswordAsync(admin, token, password), "reset the admin password");
        await users.SetLockoutEndDateAsync(admin, null);
        admin.MustChangePassword = true;
        Check(await users.UpdateAsync(admin), "mark the new password as one-time");
        return password;
    }

    /// <summary>16 characters from an unambiguous alphabet (no 0/O, 1/l/I), with an upper, a lower and a digit guaranteed.</summary>
    internal static string GeneratePassword()
    {
        const string upper = "ABCDEFGHJKLMNPQRSTUVWXYZ", lower = "abcdefghjkmnpqrstuvwxyz", digits = "23456789";
        var chars = RandomNumberGenerator.GetItems<char>((upper + lower + digits).AsSpan(), 13).ToList();
        chars.Add(upper[RandomNumberGenerator.GetInt32(upper.Length)]);
        chars.Add(lower[RandomNumberGenerator.GetInt32(lower.Length)]);
        chars.Add(digits[RandomNumberGenerator.GetInt32(digits.Length)]);
        var shuffled = chars.ToArray();
        RandomNumberGenerator.Shuffle(shuffled.AsSpan());
        return new string(shuffled);
    }

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException($"Could not {what}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
    }
}
