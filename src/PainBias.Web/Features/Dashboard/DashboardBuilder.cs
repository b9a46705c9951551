using PainBias.Core.Domain;
using PainBias.Core.Statistics;
using PainBias.Core.Statistics.Sequential;

namespace PainBias.Web.Features.Dashboard;

/// <summary>
/// Computes the dashboard from the per-variant summaries; pure. Every group the tables compare (perceived race, age, the
/// four cells, a condition, a face's side) is a union of variants, so its count, sum and sum of squares are the sums of
/// its variants' and the engine's tests (Core) run on those. The results equal the same tests on the ratings themselves
/// (and R's). The regression and the mixed model need every rating and are left to the results export.
/// </summary>
public static class DashboardBuilder
{
    public static DashboardView Build(DashboardSummaryInput input, double? targetHalfWidth)
    {
        var variants = input.Variants.ToDictionary(v => v.Id);
        var summaries = input.Summaries.Where(s => variants.ContainsKey(s.VariantId))
            .Select(s => new Tally(variants[s.VariantId], s)).ToList();
        var progress = Enum.GetValues<Platform>()
            .Where(p => input.RatingsPerVariant.GetValueOrDefault(p) > 0 || summaries.Any(t => t.S.Platform == p && t.S.Submitted > 0))
            .Select(p => Progress(input, p, summaries.Where(t => t.S.Platform == p).ToList()))
            .ToList();

        var included = summaries.Where(t => t.S.Included > 0).ToList();
        var platforms = included.Select(t => t.S.Platform).Distinct().Order()
            .Select(platform =>
            {
                var rows = included.Where(t => t.S.Platform == platform).ToList();
                var sequential = new SequentialOptions(
                    TargetSampleSize: Math.Max(1, input.Variants.Count * input.RatingsPerVariant.GetValueOrDefault(platform)),
                    TargetHalfWidth: targetHalfWidth);
                var samples = SampleExtensions.All
                    .Select(sample => Sample(sample, [.. rows.Where(t => sample.Includes(t.V.Gender))], sequential))
                    .ToList();
                return new PlatformResults(platform.ToString(), samples, Checks(rows));
            })
            .ToList();
        return new DashboardView(input.StudyId, input.StudyName, input.ComputedAt, progress, platforms, targetHalfWidth);
    }

    /// <summary>Included ratings in arrival order, each with the engine's view of it (the results export's rows).</summary>
    public static IReadOnlyList<(DashboardRating Rating, RatingObservation Observation)> Included(DashboardInput input)
    {
        var variants = input.Variants.ToDictionary(v => v.Id);
        return [.. input.Ratings
            .Where(r => r.Included && variants.ContainsKey(r.VariantId))
            .OrderBy(r => r.SubmittedAt)
            .Select(r => (r, Observe(r, variants[r.VariantId])))];
    }

    private static RatingObservation Observe(DashboardRating r, DashboardVariant v) => new(
        r.Platform.ToString(), r.WorkerId.ToString("N"), v.FaceLabel, v.Gender, v.Race, v.AgeGroup, v.Condition,
        v.Condition.PerceivedRace(v.Race), v.Condition.PerceivedAge(v.AgeGroup), r.Rating);

    /// <summary>One variant's summary with the variant's metadata, and what the variant is meant to show.</summary>
    private sealed record Tally(DashboardVariant V, DashboardSummary S)
    {
        public Race PerceivedRace { get; } = V.Condition.PerceivedRace(V.Race);
        public AgeGroup PerceivedAge { get; } = V.Condition.PerceivedAge(V.AgeGroup);
        public string Cell => $"{PerceivedRace}{PerceivedAge.Code()}";
    }

    private static IntegerMoments Pspi(IEnumerable<Tally> rows) => IntegerMoments.Total(rows.Select(t => t.S.Pspi));

    private static IntegerMoments Au(IEnumerable<Tally> rows, ActionUnit au) => IntegerMoments.Total(rows.Select(t => t.S.Aus[au]));

    private static PlatformProgress Progress(DashboardSummaryInput input, Platform platform, List<Tally> summaries)
    {
        var k = input.RatingsPerVariant.GetValueOrDefault(platform);
        var filled = summaries.ToDictionary(t => t.V.Id, t => checked((int)t.S.Included));
        var byVariant = input.Variants
            .OrderBy(v => v.FaceLabel, StringComparer.OrdinalIgnoreCase).ThenBy(v => v.Condition)
            .Select(v => new VariantSlots(v.Id, v.FaceLabel, v.Condition, filled.GetValueOrDefault(v.Id),
                input.Held.GetValueOrDefault((v.Id, platform)), k))
            .ToList();
        var byCondition = Enum.GetValues<Condition>()
            .Select(c => byVariant.Where(v => v.Condition == c).ToList())
            .Select((vs, i) => new SlotCount((Condition)i, vs.Sum(v => v.Filled), vs.Sum(v => v.Held), vs.Sum(v => v.Target)))
            .ToList();
        var exclusions = Enum.GetValues<ExclusionReason>().Where(r => r != ExclusionReason.None)
            .Select(reason => new ExclusionCount(reason, checked((int)summaries.Sum(t => t.S.Exclusions.GetValueOrDefault(reason)))))
            .ToList();
        var screening = input.Screening.Where(s => s.Platform == platform).ToList();
        return new PlatformProgress(platform, k, k * input.Variants.Count, byVariant.Sum(v => Math.Min(v.Filled, v.Target)),
            byVariant.Sum(v => v.Held), checked((int)summaries.Sum(t => t.S.Submitted)),
            byVariant.Count(v => v.Target > 0 && v.Filled >= v.Target), byVariant.Count,
            byCondition, byVariant, exclusions,
            new Rate(screening.Sum(s => s.Passed), screening.Sum(s => s.Screened), "no assessor has finished a screening yet"));
    }

    private static SampleResults Sample(Sample sample, IReadOnlyList<Tally> rows, SequentialOptions sequential)
    {
        static bool IsB(Tally t) => t.PerceivedRace == Race.B;
        static bool IsS(Tally t) => t.PerceivedAge == AgeGroup.Senior;
        var (b, w) = (Pspi(rows.Where(IsB)), Pspi(rows.Where(t => !IsB(t))));
        var (s, y) = (Pspi(rows.Where(IsS)), Pspi(rows.Where(t => !IsS(t))));
        var byCell = CellRanking.CellOrder.ToDictionary(c => c, c => Pspi(rows.Where(t => t.Cell == c)));
        var auTests = new AuTests(
            [.. ActionUnits.All.Select(au => AuTest.Of(au, "W", Au(rows.Where(t => !IsB(t)), au), "B", Au(rows.Where(IsB), au)))],
            [.. ActionUnits.All.Select(au => AuTest.Of(au, "Y", Au(rows.Where(t => !IsS(t)), au), "S", Au(rows.Where(IsS), au)))]);
        var paired = PairedAnalyzer.Analyze(
            [.. rows.Select(t => new SubjectConditionMoments(t.V.FaceLabel, t.V.Condition, t.PerceivedRace, t.PerceivedAge, t.S.Pspi))]);
        var faces = rows.GroupBy(t => t.V.FaceLabel, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        return new SampleResults(
            sample,
            checked((int)rows.Sum(t => t.S.Included)),
            faces.Count,
            BiasComparison.Of("B", b, "W", w),
            BiasComparison.Of("S", s, "Y", y),
            CellRanking.Of(byCell),
            auTests,
            paired,
            DifferenceConfidenceSequence.At("B", "W", sequential, b, w),
            DifferenceConfidenceSequence.At("S", "Y", sequential, s, y),
            [.. Enum.GetValues<Condition>().Select(c => MeanInterval.Of(c.ToString(), Pspi(rows.Where(t => t.V.Condition == c))))],
            [.. CellRanking.CellOrder.Select(cell => MeanInterval.Of(cell, byCell[cell]))],
            new DeferredList<FaceDifference>(() => [.. faces.Select(g => FaceDifference.Of(g.Key, Pspi(g.Where(IsB)), Pspi(g.Where(t => !IsB(t)))))]),
            new DeferredList<FaceDifference>(() => [.. faces.Select(g => FaceDifference.Of(g.Key, Pspi(g.Where(IsS)), Pspi(g.Where(t => !IsS(t)))))]));
    }

    private static IReadOnlyList<CheckRates> Checks(IReadOnlyList<Tally> rows) =>
        Enum.GetValues<Condition>().Select(condition =>
        {
            var inCondition = rows.Where(t => t.V.Condition == condition).ToList();
            int Sum(Func<Tally, long> count) => checked((int)inCondition.Sum(count));
            const string none = "not asked or not answered";
            return new CheckRates(condition, Sum(t => t.S.Included),
                new Rate(Sum(t => t.PerceivedRace == Race.B ? t.S.RaceAnswerB : t.S.RaceAnswerW), Sum(t => t.S.RaceAnswerB + t.S.RaceAnswerW), none),
                new Rate(Sum(t => t.PerceivedAge == AgeGroup.Senior ? t.S.AgeAnswerSenior : t.S.AgeAnswerYoung),
                    Sum(t => t.S.AgeAnswerSenior + t.S.AgeAnswerYoung), none),
                new Rate(Sum(t => t.S.LooksEditedYes), Sum(t => t.S.LooksEditedYes + t.S.LooksEditedNo), none));
        }).ToList();
}
