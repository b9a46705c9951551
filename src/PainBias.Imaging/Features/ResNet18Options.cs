namespace PainBias.Imaging.Features;

/// <summary>Where the ResNet18 files are (copied from the NuGet package into every output folder) and how many images go per run.</summary>
public sealed record ResNet18Options
{
    /// <summary>Folder with ResNet18.onnx and ResNetPreprocess.onnx; relative paths start at the application's folder.</summary>
    public string ModelDirectory { get; init; } = Path.Combine("Models", "ResNet18");

    /// <summary>Images per session run when the model takes a batch dimension; the package's model is fixed at one.</summary>
    public int BatchSize { get; init; } = 16;

    public string ResolvedDirectory => Path.IsPathRooted(ModelDirectory) ? ModelDirectory : Path.Combine(AppContext.BaseDirectory, ModelDirectory);
}
