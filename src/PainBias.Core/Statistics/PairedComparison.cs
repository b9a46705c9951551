namespace PainBias.Core.Statistics;

/// <summary>
/// A paired test at the source-face level: each subject contributes its mean PSPI on side A
/// (B- or S-perceived) and on side B (W- or Y-perceived); subjects missing a side are dropped.
/// </summary>
public sealed record PairedComparison(
    string LabelA,
    string LabelB,
    IReadOnlyList<string> SubjectsUsed,
    double? MeanA,
    double? MeanB,
    double? MeanDiff,
    double? SdDiff,
    TTestResult Test)
{
    public int NPairs => SubjectsUsed.Count;

    /// <summary>Pairs up per-subject means; a null entry means the subject has no rating on that side.</summary>
    public static PairedComparison Of(string labelA, string labelB, IReadOnlyList<(string Subject, double? A, double? B)> subjects)
    {
        var used = subjects.Where(s => s.A is not null && s.B is not null).ToList();
        var a = used.Select(s => s.A!.Value).ToArray();
        var b = used.Select(s => s.B!.Value).ToArray();
        var d = a.Zip(b, (u, v) => u - v).ToArray();
        return new PairedComparison(labelA, labelB, used.Select(s => s.Subject).ToList(),
            Descriptive.Mean(a), Descriptive.Mean(b), Descriptive.Mean(d), Descriptive.StandardDeviation(d),
            TTests.Paired(a, b));
    }
}

/// <summary>The six paired blocks: race (pooled, original vs skin, age vs skin_age) and age (pooled, original vs age, skin vs skin_age).</summary>
public sealed record PairedAnalysis(
    PairedComparison RaceSubjectLevel,
    PairedComparison RaceOriginalVsSkin,
    PairedComparison RaceAgeVsSkinAge,
    PairedComparison AgeSubjectLevel,
    PairedComparison AgeOriginalVsAge,
    PairedComparison AgeSkinVsSkinAge);
