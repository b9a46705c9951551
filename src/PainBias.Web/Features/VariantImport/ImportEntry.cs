namespace PainBias.Web.Features.VariantImport;

/// <summary>A file of an import after unzipping: its path (relative, '/'-separated) and where it came from.</summary>
public sealed record ImportEntry(string Path, byte[] Data, string? Archive)
{
    public string FileName => System.IO.Path.GetFileName(Path);

    public string Display => Archive is null ? Path : $"{Archive}:{Path}";
}
