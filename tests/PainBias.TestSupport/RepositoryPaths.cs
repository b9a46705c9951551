namespace PainBias.TestSupport;

/// <summary>Where the checkout is, found from the test's output folder (the folder that holds PainBias.sln).</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "PainBias.sln")))
            dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Cannot find the repository root (PainBias.sln) above " + AppContext.BaseDirectory);
    }
}
