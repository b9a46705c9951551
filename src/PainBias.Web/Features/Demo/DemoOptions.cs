namespace PainBias.Web.Features.Demo;

/// <summary>Section "Demo": seed the demo study on first run in embedded mode.</summary>
public sealed class DemoOptions
{
    public const string Section = "Demo";
    public bool Seed { get; set; } = true;

    /// <summary>Folder with faces.csv and the images; defaults to DemoData/ beside the application.</summary>
    public string? Folder { get; set; }
}
