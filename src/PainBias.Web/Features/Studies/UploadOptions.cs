namespace PainBias.Web.Features.Studies;

/// <summary>Section "Uploads".</summary>
public sealed class UploadOptions
{
    public const string Section = "Uploads";
    public long MaxImageBytes { get; set; } = 20L * 1024 * 1024;
}
