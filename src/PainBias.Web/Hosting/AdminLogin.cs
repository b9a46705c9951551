namespace PainBias.Web.Hosting;

/// <summary>The admin account to announce at start; the password only when it was generated in this process.</summary>
public sealed class AdminLogin
{
    public string Email { get; set; } = "";
    public string? OneTimePassword { get; set; }
}
