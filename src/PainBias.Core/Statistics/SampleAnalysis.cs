namespace PainBias.Core.Statistics;

/// <summary>Everything the engine reports for one platform × sample.</summary>
public sealed record SampleAnalysis(
    string Platform,
    Sample Sample,
    int NRatings,
    int NSubjects,
    int NAssessors,
    BiasComparison RaceBias,
    BiasComparison AgeBias,
    CellRanking CellRanking,
    AuTests AuTests,
    PairedAnalysis Paired,
    OlsResult Ols,
    MixedModelResult Lmer);

/// <summary>All analyses of a data set: platforms in ordinal order, each with All, Female and Male.</summary>
public sealed record BiasAnalysisResult(IReadOnlyList<string> Platforms, IReadOnlyList<SampleAnalysis> Analyses);
