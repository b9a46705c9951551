namespace PainBias.Web.Features.VariantImport;

/// <summary>Section "VariantImport": how much one import may unpack, so a zip bomb is refused before it fills memory.</summary>
public sealed class VariantImportOptions
{
    public const string Section = "VariantImport";

    /// <summary>Files in one import, counting every zip entry.</summary>
    public int MaxFiles { get; set; } = 4000;

    /// <summary>Bytes of all files together once unzipped.</summary>
    public long MaxTotalBytes { get; set; } = 1024L * 1024 * 1024;

    /// <summary>Bytes of one request (the zip or the files as uploaded).</summary>
    public long MaxRequestBytes { get; set; } = 1024L * 1024 * 1024;
}
