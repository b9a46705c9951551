using PainBias.Core.Statistics;

namespace PainBias.Web.Features.Dashboard;

/// <summary>A group mean with its 95% t interval (mean ± t(0.975, n − 1) · sd / √n); undefined parts carry the reason.</summary>
public sealed record MeanInterval(string Label, int N, double? Mean, double? Low, double? High, string? Error)
{
    public static MeanInterval Of(string label, IReadOnlyList<double> values)
    {
        var mean = Descriptive.Mean(values);
        if (mean is null)
            return new(label, 0, null, null, null, "no ratings");
        if (values.Count < 2)
            return new(label, 1, mean, null, null, "one rating: no interval");
        var half = Distributions.StudentTQuantile(0.975, values.Count - 1) * Descriptive.StandardDeviation(values)!.Value / Math.Sqrt(values.Count);
        return new(label, values.Count, mean, mean - half, mean + half, null);
    }

    /// <summary>The same from the group's count, sum and sum of squares.</summary>
    public static MeanInterval Of(string label, IntegerMoments m)
    {
        if (m.Mean is not { } mean)
            return new(label, 0, null, null, null, "no ratings");
        if (m.N < 2)
            return new(label, 1, mean, null, null, "one rating: no interval");
        var half = Distributions.StudentTQuantile(0.975, m.N - 1) * m.StandardDeviation!.Value / Math.Sqrt(m.N);
        return new(label, checked((int)m.N), mean, mean - half, mean + half, null);
    }
}

/// <summary>
/// One source face's difference in mean PSPI between its two sides (B − W or S − Y, over all its variants), with the
/// Welch 95% interval of that difference when the face has enough ratings on both sides.
/// </summary>
public sealed record FaceDifference(string Face, int NA, int NB, double? Difference, double? Low, double? High, string? Error)
{
    public static FaceDifference Of(string face, IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        var difference = GroupSummary.Difference(a, b);
        if (difference is null)
            return new(face, a.Count, b.Count, null, null, null, "no ratings on one side");
        var test = TTests.Welch(a, b);
        return new(face, a.Count, b.Count, difference, test.Ci95Low, test.Ci95High, test.Error);
    }

    public static FaceDifference Of(string face, IntegerMoments a, IntegerMoments b)
    {
        var (na, nb) = (checked((int)a.N), checked((int)b.N));
        if (GroupSummary.Difference(a, b) is not { } difference)
            return new(face, na, nb, null, null, null, "no ratings on one side");
        var test = TTests.Welch(a, b);
        return new(face, na, nb, difference, test.Ci95Low, test.Ci95High, test.Error);
    }
}
