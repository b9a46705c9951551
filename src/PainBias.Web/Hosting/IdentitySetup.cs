using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using PainBias.Data;
using PainBias.Data.Entities;

namespace PainBias.Web.Hosting;

public static class IdentitySetup
{
    public const string AdminPolicy = "Admin";
    public const string ResearcherPolicy = "Researcher";

    public static IServiceCollection AddPainBiasIdentity(this IServiceCollection services)
    {
        services.AddIdentity<PainBiasUser, IdentityRole>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = 10;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.MaxFailedAccessAttempts = 10;
            })
            .AddEntityFrameworkStores<PainBiasDbContext>()
            .AddDefaultTokenProviders();
        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.LoginPath = "/account/login";
            cookie.AccessDeniedPath = "/account/denied";
            cookie.Cookie.Name = "painbias.auth";
            cookie.SlidingExpiration = true;
        });
        // Keys in the database: any web node accepts any node's cookies and antiforgery tokens.
        services.AddDataProtection().SetApplicationName("PainBias").PersistKeysToDbContext<PainBiasDbContext>();
        services.AddAuthorizationBuilder()
            .AddPolicy(AdminPolicy, p => p.RequireRole(Roles.Admin))
            .AddPolicy(ResearcherPolicy, p => p.RequireRole(Roles.Admin, Roles.Researcher));
        services.AddCascadingAuthenticationState();
        return services;
    }
}
