using PainBias.Core.Domain;

namespace PainBias.Core.Statistics;

/// <summary>
/// The bias-statistics entry point: per platform and sample, group differences, the cell ranking,
/// AU tests, paired per-face tests, OLS with cluster-robust SEs and the crossed mixed model.
/// </summary>
public static class BiasAnalyzer
{
    public static BiasAnalysisResult Analyze(IEnumerable<RatingObservation> observations)
    {
        var rows = observations.ToList();
        var platforms = rows.Select(r => r.Platform).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var analyses = new List<SampleAnalysis>();
        foreach (var platform in platforms)
        {
            var onPlatform = rows.Where(r => r.Platform == platform).ToList();
            foreach (var sample in SampleExtensions.All)
                analyses.Add(AnalyzeSample(platform, sample, onPlatform.Where(r => sample.Includes(r.Gender)).ToList()));
        }
        return new BiasAnalysisResult(platforms, analyses);
    }

    public static SampleAnalysis AnalyzeSample(string platform, Sample sample, IReadOnlyList<RatingObservation> rows)
    {
        List<double> Pspi(Func<RatingObservation, bool> filter) => rows.Where(filter).Select(r => (double)r.Pspi).ToList();
        List<double> Au(ActionUnit au, Func<RatingObservation, bool> filter) => rows.Where(filter).Select(r => (double)r.Rating[au]).ToList();
        static bool IsB(RatingObservation r) => r.PerceivedRace == Race.B;
        static bool IsS(RatingObservation r) => r.PerceivedAge == AgeGroup.Senior;

        var byCell = CellRanking.CellOrder.ToDictionary(c => c, c => (IReadOnlyList<double>)Pspi(r => CellOf(r) == c));
        var auTests = new AuTests(
            ActionUnits.All.Select(au => AuTest.Of(au, "W", Au(au, r => !IsB(r)), "B", Au(au, IsB))).ToList(),
            ActionUnits.All.Select(au => AuTest.Of(au, "Y", Au(au, r => !IsS(r)), "S", Au(au, IsS))).ToList());

        return new SampleAnalysis(
            platform,
            sample,
            rows.Count,
            rows.Select(r => r.SubjectId).Distinct(StringComparer.Ordinal).Count(),
            rows.Select(r => r.AssessorId).Distinct(StringComparer.Ordinal).Count(),
            BiasComparison.Of("B", Pspi(IsB), "W", Pspi(r => !IsB(r))),
            BiasComparison.Of("S", Pspi(IsS), "Y", Pspi(r => !IsS(r))),
            CellRanking.Of(byCell),
            auTests,
            PairedAnalyzer.Analyze(rows),
            OlsRegression.Fit(rows),
            MixedModel.Fit(rows));
    }

    /// <summary>Perceived race followed by perceived age: WS, WY, BS or BY.</summary>
    public static string CellOf(RatingObservation r) => $"{r.PerceivedRace}{r.PerceivedAge.Code()}";
}
