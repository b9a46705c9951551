namespace PainBias.Web.Features.VariantImport;

/// <summary>One uploaded file (an image, a zip, or the manifest) as the browser or script named it.</summary>
public sealed record ImportFile(string Name, byte[] Data)
{
    public bool IsZip => Name.EndsWith(".zip", StringComparison.OrdinalIgnoreCase)
        || Data is [0x50, 0x4B, 0x03, 0x04, ..] or [0x50, 0x4B, 0x05, 0x06, ..];
}
