using PainBias.Core.Domain;

namespace PainBias.Core.Statistics;

/// <summary>Builds the per-subject means behind <see cref="PairedAnalysis"/>.</summary>
public static class PairedAnalyzer
{
    public static PairedAnalysis Analyze(IReadOnlyList<RatingObservation> rows)
    {
        var subjects = rows.GroupBy(r => r.SubjectId, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.ToList())
            .ToList();

        PairedComparison Pooled(string a, string b, Func<RatingObservation, bool> isA, Func<RatingObservation, bool> isB) =>
            PairedComparison.Of(a, b, subjects.Select(s => (s[0].SubjectId, MeanWhere(s, isA), MeanWhere(s, isB))).ToList());

        // Two variants of a face, oriented so side A is the variant perceived as `high` (B or S).
        PairedComparison Variants(string a, string b, Condition v1, Condition v2, Func<RatingObservation, bool> isHigh) =>
            PairedComparison.Of(a, b, subjects.Select(s =>
            {
                var m1 = MeanWhere(s, r => r.Condition == v1);
                var m2 = MeanWhere(s, r => r.Condition == v2);
                var first1 = s.FirstOrDefault(r => r.Condition == v1);
                var first2 = s.FirstOrDefault(r => r.Condition == v2);
                // When one variant is missing its orientation follows from the other one.
                var v1IsHigh = first1 is not null ? isHigh(first1) : first2 is not null && !isHigh(first2);
                return v1IsHigh ? (s[0].SubjectId, m1, m2) : (s[0].SubjectId, m2, m1);
            }).ToList());

        bool IsBlack(RatingObservation r) => r.PerceivedRace == Race.B;
        bool IsSenior(RatingObservation r) => r.PerceivedAge == AgeGroup.Senior;

        return new PairedAnalysis(
            Pooled("B", "W", IsBlack, r => !IsBlack(r)),
            Variants("B", "W", Condition.Original, Condition.SkinTone, IsBlack),
            Variants("B", "W", Condition.Age, Condition.SkinToneAge, IsBlack),
            Pooled("S", "Y", IsSenior, r => !IsSenior(r)),
            Variants("S", "Y", Condition.Original, Condition.Age, IsSenior),
            Variants("S", "Y", Condition.SkinTone, Condition.SkinToneAge, IsSenior));
    }

    /// <summary>
    /// The same six blocks from per-subject, per-condition sums: a subject's mean on a side is the total of its
    /// conditions on that side, so no rating needs to be read. Entries with no ratings count as absent.
    /// </summary>
    public static PairedAnalysis Analyze(IReadOnlyList<SubjectConditionMoments> cells)
    {
        var subjects = cells.Where(c => c.Pspi.N > 0)
            .GroupBy(c => c.SubjectId, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.ToList())
            .ToList();
        static double? Mean(List<SubjectConditionMoments> s, Func<SubjectConditionMoments, bool> filter) =>
            IntegerMoments.Total(s.Where(filter).Select(c => c.Pspi)).Mean;

        PairedComparison Pooled(string a, string b, Func<SubjectConditionMoments, bool> isA) =>
            PairedComparison.Of(a, b, subjects.Select(s => (s[0].SubjectId, Mean(s, isA), Mean(s, c => !isA(c)))).ToList());

        PairedComparison Variants(string a, string b, Condition v1, Condition v2, Func<SubjectConditionMoments, bool> isHigh) =>
            PairedComparison.Of(a, b, subjects.Select(s =>
            {
                var first1 = s.FirstOrDefault(c => c.Condition == v1);
                var first2 = s.FirstOrDefault(c => c.Condition == v2);
                var m1 = first1?.Pspi.Mean;
                var m2 = first2?.Pspi.Mean;
                var v1IsHigh = first1 is not null ? isHigh(first1) : first2 is not null && !isHigh(first2);
                return v1IsHigh ? (s[0].SubjectId, m1, m2) : (s[0].SubjectId, m2, m1);
            }).ToList());

        static bool IsBlack(SubjectConditionMoments c) => c.PerceivedRace == Race.B;
        static bool IsSenior(SubjectConditionMoments c) => c.PerceivedAge == AgeGroup.Senior;

        return new PairedAnalysis(
            Pooled("B", "W", IsBlack),
            Variants("B", "W", Condition.Original, Condition.SkinTone, IsBlack),
            Variants("B", "W", Condition.Age, Condition.SkinToneAge, IsBlack),
            Pooled("S", "Y", IsSenior),
            Variants("S", "Y", Condition.Original, Condition.Age, IsSenior),
            Variants("S", "Y", Condition.SkinTone, Condition.SkinToneAge, IsSenior));
    }

    private static double? MeanWhere(List<RatingObservation> rows, Func<RatingObservation, bool> filter)
    {
        var values = rows.Where(filter).Select(r => (double)r.Pspi).ToList();
        return values.Count == 0 ? null : Descriptive.MeanOf(values);
    }
}
