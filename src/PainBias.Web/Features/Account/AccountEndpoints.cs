using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using PainBias.Data.Entities;

namespace PainBias.Web.Features.Account;

/// <summary>Sign-in and sign-out as plain form posts: the cookie is set on an HTTP response, not over a circuit.</summary>
public static class AccountEndpoints
{
    public static void MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/account");
        group.MapPost("/signin", SignIn);
        group.MapPost("/password", ChangePassword).RequireAuthorization();
        group.MapPost("/logout", async (SignInManager<PainBiasUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return TypedResults.LocalRedirect("/");
        });
    }

    private static async Task<RedirectHttpResult> SignIn(
        [FromForm] string email, [FromForm] string password, [FromForm] string? returnUrl,
        SignInManager<PainBiasUser> signIn, ILoggerFactory loggers)
    {
        var target = IsLocal(returnUrl) ? returnUrl! : "/studies";
        var result = await signIn.PasswordSignInAsync(email.Trim(), password, isPersistent: true, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            // A generated one-time password is replaced before anything else.
            var user = await signIn.UserManager.FindByEmailAsync(email.Trim());
            return TypedResults.LocalRedirect(user?.MustChangePassword == true ? "/account/password" : target);
        }
        loggers.CreateLogger("PainBias.Account").LogWarning("Failed sign-in for {Email} (locked out: {LockedOut})", email, result.IsLockedOut);
        var error = result.IsLockedOut ? "locked" : "invalid";
        return TypedResults.LocalRedirect($"/account/login?error={error}&returnUrl={Uri.EscapeDataString(target)}");
    }

    private static async Task<RedirectHttpResult> ChangePassword(
        [FromForm] string current, [FromForm] string next, HttpContext http, SignInManager<PainBiasUser> signIn)
    {
        var users = signIn.UserManager;
        var user = await users.GetUserAsync(http.User);
        if (user is null)
            return TypedResults.LocalRedirect("/account/login");
        var result = await users.ChangePasswordAsync(user, current, next);
        if (!result.Succeeded)
        {
            var errors = string.Join(" ", result.Errors.Select(e => e.Description));
            return TypedResults.LocalRedirect($"/account/password?error={Uri.EscapeDataString(errors)}");
        }
        user.MustChangePassword = false;
        await users.UpdateAsync(user);
        await signIn.RefreshSignInAsync(user);
        return TypedResults.LocalRedirect("/studies");
    }

    /// <summary>Only same-site paths, so a crafted link cannot bounce a fresh session to another site.</summary>
    private static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//") && !url.StartsWith("/\\");
}
