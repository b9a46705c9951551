namespace PainBias.Web.Features.Admin;

/// <summary>Section "Admin": the first admin account. With no password configured, one is generated once and printed.</summary>
public sealed class AdminOptions
{
    public const string Section = "Admin";
    public string Email { get; set; } = "admin@painbias.local";
    public string? Password { get; set; }
}
