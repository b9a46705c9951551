using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration.Attributes;

namespace PainBias.Web.Features.Demo;

public sealed class DemoFace
{
    [Name("label")] public string Label { get; set; } = "";
    [Name("file")] public string File { get; set; } = "";
    [Name("gender")] public string Gender { get; set; } = "";
    [Name("race")] public string Race { get; set; } = "";
    [Name("age_group")] public string AgeGroup { get; set; } = "";
}

public static class DemoFaces
{
    /// <summary>Reads DemoData/faces.csv; the provenance columns are for people and ignored here.</summary>
    public static IReadOnlyList<DemoFace> Read(string folder)
    {
        var path = Path.Combine(folder, "faces.csv");
        if (!System.IO.File.Exists(path))
            throw new FileNotFoundException($"Demo data not found at {path}. Set Demo:Seed to false or Demo:Folder to the DemoData folder.", path);
        using var reader = new StreamReader(path);
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        return [.. csv.GetRecords<DemoFace>()];
    }
}
