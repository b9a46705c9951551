using System.Text.Json;
using PainBias.Core.Statistics;

namespace PainBias.Core.Tests.Statistics;

/// <summary>The R fixtures copied into this project (Fixtures/stats, see NOTICE.md there).</summary>
public static class FixtureFiles
{
    public static string Directory => Path.Combine(AppContext.BaseDirectory, "Fixtures", "stats");

    public static IReadOnlyList<RatingObservation> Ratings(string dataset)
    {
        using var reader = new StreamReader(Path.Combine(Directory, dataset + ".csv"));
        return RatingsCsv.Read(reader);
    }

    public static JsonDocument Expected(string dataset) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(Directory, dataset + ".expected.json")));
}
