using System.Globalization;

namespace PainBias.Core.Statistics;

/// <summary>PSPI in one perceived race × age cell (WS, WY, BS, BY).</summary>
public sealed record CellSummary(string Cell, int N, double? Mean, double? Sd);

public sealed record RankedCell(int Rank, string Cell, double Mean, int N);

/// <summary>
/// The four cells ranked by mean PSPI, highest first. Equal means keep the fixed order
/// WS, WY, BS, BY; empty cells are left out of the ranking but stay in <see cref="Cells"/>.
/// </summary>
public sealed record CellRanking(IReadOnlyList<CellSummary> Cells, IReadOnlyList<RankedCell> Ranking, bool HasTies)
{
    public static readonly IReadOnlyList<string> CellOrder = ["WS", "WY", "BS", "BY"];

    public string RankingString => string.Join(">", Ranking.Select(r => r.Cell));

    public static CellRanking Of(IReadOnlyDictionary<string, IReadOnlyList<double>> pspiByCell)
    {
        var cells = CellOrder
            .Select(c => pspiByCell.TryGetValue(c, out var v) ? v : [])
            .Select((v, i) => new CellSummary(CellOrder[i], v.Count, Descriptive.Mean(v), Descriptive.StandardDeviation(v)))
            .ToList();
        return Rank(cells);
    }

    /// <summary>The same from each cell's count, sum and sum of squares.</summary>
    public static CellRanking Of(IReadOnlyDictionary<string, IntegerMoments> pspiByCell) =>
        Rank([.. CellOrder
            .Select(c => pspiByCell.TryGetValue(c, out var m) ? m : IntegerMoments.Empty)
            .Select((m, i) => new CellSummary(CellOrder[i], checked((int)m.N), m.Mean, m.StandardDeviation))]);

    private static CellRanking Rank(List<CellSummary> cells)
    {
        var present = cells.Where(c => c.Mean is not null).ToList();
        // OrderByDescending is stable, so ties keep the fixed cell order.
        var ranking = present
            .OrderByDescending(c => c.Mean!.Value)
            .Select((c, i) => new RankedCell(i + 1, c.Cell, c.Mean!.Value, c.N))
            .ToList();
        // Ties are judged at 12 significant digits (R: signif(means, 12)) so rounding noise is no tie-breaker.
        var rounded = present.Select(c => c.Mean!.Value.ToString("G12", CultureInfo.InvariantCulture)).ToList();
        var hasTies = rounded.Distinct().Count() < rounded.Count;
        return new CellRanking(cells, ranking, hasTies);
    }
}
