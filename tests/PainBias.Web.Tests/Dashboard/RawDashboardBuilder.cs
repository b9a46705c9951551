using PainBias.Core.Domain;
using PainBias.Core.Statistics;
using PainBias.Core.Statistics.Sequential;

using PainBias.Web.Features.Dashboard;

namespace PainBias.Web.Tests.Dashboard;

/// <summary>
/// The oracle: the dashboard computed the way it was before the summaries, from every stored rating with the engine's
/// list-based functions (Core). The live dashboard (<see cref="DashboardBuilder"/>) must give the same view.
/// </summary>
public static class RawDashboardBuilder
{
    public static DashboardView Build(DashboardInput input, double? targetHalfWidth)
    {
        var variants = input.Variants.ToDictionary(v => v.Id);
        var progress = Enum.GetValues<Platform>()
            .Where(p => input.RatingsPerVariant.GetValueOrDefault(p) > 0 || input.Ratings.Any(r => r.Platform == p))
            .Select(p => Progress(input, p))
            .ToList();

        var included = DashboardBuilder.Included(input);
        var platforms = included.Select(r => r.Rating.Platform).Distinct().Order()
            .Select(platform =>
            {
                var rows = included.Where(r => r.Rating.Platform == platform).ToList();
                var sequential = new SequentialOptions(
                    TargetSampleSize: Math.Max(1, input.Variants.Count * input.RatingsPerVariant.GetValueOrDefault(platform)),
                    TargetHalfWidth: targetHalfWidth);
                var samples = SampleExtensions.All
                    .Select(sample => Sample(sample, [.. rows.Select(r => r.Observation).Where(o => sample.Includes(o.Gender))], sequential))
                    .ToList();
                return new PlatformResults(platform.ToString(), samples, Checks(rows.Select(r => r.Rating), variants));
            })
            .ToList();
        return new DashboardView(input.StudyId, input.StudyName, input.ComputedAt, progress, platforms, targetHalfWidth);
    }

    private static PlatformProgress Progress(DashboardInput input, Platform platform)
    {
        var k = input.RatingsPerVariant.GetValueOrDefault(platform);
        var ratings = input.Ratings.Where(r => r.Platform == platform).ToList();
        var filled = ratings.Where(r => r.Included).GroupBy(r => r.VariantId).ToDictionary(g => g.Key, g => g.Count());
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
            .Select(reason => new ExclusionCount(reason, ratings.Count(r => r.Reasons.HasFlag(reason))))
            .ToList();
        var screening = input.Screening.Where(s => s.Platform == platform).ToList();
        return new PlatformProgress(platform, k, k * input.Variants.Count, byVariant.Sum(v => Math.Min(v.Filled, v.Target)),
            byVariant.Sum(v => v.Held), ratings.Count, byVariant.Count(v => v.Target > 0 && v.Filled >= v.Target), byVariant.Count,
            byCondition, byVariant, exclusions,
            new Rate(screening.Sum(s => s.Passed), screening.Sum(s => s.Screened), "no assessor has finished a screening yet"));
    }

    private static SampleResults Sample(Sample sample, IReadOnlyList<RatingObservation> rows, SequentialOptions sequential)
    {
        var analysis = BiasAnalysisPieces(sample, rows);
        var (race, age) = SequentialBias.Analyze(rows, sequential);
        var conditionMeans = Enum.GetValues<Condition>()
            .Select(c => MeanInterval.Of(c.ToString(), Pspi(rows.Where(r => r.Condition == c))))
            .ToList();
        var cellMeans = CellRanking.CellOrder
            .Select(cell => MeanInterval.Of(cell, Pspi(rows.Where(r => BiasAnalyzer.CellOf(r) == cell))))
            .ToList();
        var faces = rows.GroupBy(r => r.SubjectId, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        var raceByFace = faces.Select(g => FaceDifference.Of(g.Key,
            Pspi(g.Where(r => r.PerceivedRace == Race.B)), Pspi(g.Where(r => r.PerceivedRace == Race.W)))).ToList();
        var ageByFace = faces.Select(g => FaceDifference.Of(g.Key,
            Pspi(g.Where(r => r.PerceivedAge == AgeGroup.Senior)), Pspi(g.Where(r => r.PerceivedAge == AgeGroup.Young)))).ToList();
        return analysis with
        {
            RaceSequence = race, AgeSequence = age, ConditionMeans = conditionMeans, CellMeans = cellMeans,
            RaceByFace = raceByFace, AgeByFace = ageByFace,
        };
    }

    // The group tests, ranking, AU tests and paired tests exactly as BiasAnalyzer.AnalyzeSample builds them.
    private static SampleResults BiasAnalysisPieces(Sample sample, IReadOnlyList<RatingObservation> rows)
    {
        static bool IsB(RatingObservation r) => r.PerceivedRace == Race.B;
        static bool IsS(RatingObservation r) => r.PerceivedAge == AgeGroup.Senior;
        List<double> Au(ActionUnit au, Func<RatingObservation, bool> filter) => [.. rows.Where(filter).Select(r => (double)r.Rating[au])];
        var byCell = CellRanking.CellOrder.ToDictionary(c => c, c => (IReadOnlyList<double>)Pspi(rows.Where(r => BiasAnalyzer.CellOf(r) == c)));
        var auTests = new AuTests(
            [.. ActionUnits.All.Select(au => AuTest.Of(au, "W", Au(au, r => !IsB(r)), "B", Au(au, IsB)))],
            [.. ActionUnits.All.Select(au => AuTest.Of(au, "Y", Au(au, r => !IsS(r)), "S", Au(au, IsS)))]);
        var none = new ConfidenceSequenceResult("", "", 0, 0, null, null, null, null, false, "not computed");
        return new SampleResults(
            sample, rows.Count,
            rows.Select(r => r.SubjectId).Distinct(StringComparer.Ordinal).Count(),
            BiasComparison.Of("B", Pspi(rows.Where(IsB)), "W", Pspi(rows.Where(r => !IsB(r)))),
            BiasComparison.Of("S", Pspi(rows.Where(IsS)), "Y", Pspi(rows.Where(r => !IsS(r)))),
            CellRanking.Of(byCell), auTests, PairedAnalyzer.Analyze(rows), none, none, [], [], [], []);
    }

    private static List<double> Pspi(IEnumerable<RatingObservation> rows) => [.. rows.Select(r => (double)r.Pspi)];

    private static IReadOnlyList<CheckRates> Checks(IEnumerable<DashboardRating> ratings, IReadOnlyDictionary<Guid, DashboardVariant> variants)
    {
        var list = ratings.ToList();
        return Enum.GetValues<Condition>().Select(condition =>
        {
            var rows = list.Where(r => variants[r.VariantId].Condition == condition).ToList();
            var raceAnswered = rows.Where(r => r.RaceAnswer is not null).ToList();
            var ageAnswered = rows.Where(r => r.AgeAnswer is not null).ToList();
            var qualityAnswered = rows.Where(r => r.LooksEdited is not null).ToList();
            return new CheckRates(condition, rows.Count,
                new Rate(raceAnswered.Count(r => r.RaceAnswer == condition.PerceivedRace(variants[r.VariantId].Race)), raceAnswered.Count, "not asked or not answered"),
                new Rate(ageAnswered.Count(r => r.AgeAnswer == condition.PerceivedAge(variants[r.VariantId].AgeGroup)), ageAnswered.Count, "not asked or not answered"),
                new Rate(qualityAnswered.Count(r => r.LooksEdited == true), qualityAnswered.Count, "not asked or not answered"));
        }).ToList();
    }
}
