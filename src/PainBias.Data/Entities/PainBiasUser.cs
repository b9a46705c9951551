using Microsoft.AspNetCore.Identity;

namespace PainBias.Data.Entities;

/// <summary>A researcher or admin account. Assessors never have accounts.</summary>
public sealed class PainBiasUser : IdentityUser
{
    public string? DisplayName { get; set; }

    /// <summary>Set for the generated first admin password, cleared when the admin changes it.</summary>
    public bool MustChangePassword { get; set; }
}

public static class Roles
{
    public const string Admin = "Admin";
    public const string Researcher = "Researcher";
    public static readonly IReadOnlyList<string> All = [Admin, Researcher];
}
