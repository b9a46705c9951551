namespace PainBias.Web.Features.Studies;

/// <summary>Section "Uploads".</summary>
public sealed class UploadOptions
{
    public const string Section = "Uploads";
    public long MaxImageBytes { get; set; } = 20L * 1024 * 1024;

    public string TooLarge(long size) => $"The file is {size / 1048576.0:0.#} MB; the limit is {MaxImageBytes / 1048576.0:0.#} MB.";
}
