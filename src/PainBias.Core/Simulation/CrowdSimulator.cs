using System.Globalization;
using PainBias.Core.Domain;
using PainBias.Core.Statistics;

namespace PainBias.Core.Simulation;

/// <summary>
/// Simulates a complete study the way simulate.R does: subjects with random gender, race and age,
/// the four variants of each, k assessors per variant and platform in batches, AU values from a
/// <see cref="CrowdModel"/>. Pure and deterministic: one <see cref="Random"/> seeded with
/// <see cref="CrowdSimulationOptions.Seed"/> draws everything in a fixed order.
/// </summary>
public static class CrowdSimulator
{
    private static readonly Condition[] Variants = [Condition.Original, Condition.SkinTone, Condition.Age, Condition.SkinToneAge];

    public static IReadOnlyList<SimulatedRating> Simulate(CrowdModel model, CrowdSimulationOptions options)
    {
        if (options.Problems() is { Count: > 0 } problems)
            throw new ArgumentException(string.Join(" ", problems), nameof(options));

        var random = new Random(options.Seed);
        var subjects = MakeSubjects(random, options);
        var subjectEffects = subjects.Select(_ => RatingDraw.Normal(random) * model.SubjectSd).ToArray();

        var ratings = new List<SimulatedRating>();
        foreach (var platform in options.Platforms.Where(p => p.K > 0))
            ratings.AddRange(RatePlatform(random, model, options, platform, subjects, subjectEffects));

        // The reference CSV order: platform, subject, variant, assessor.
        return ratings
            .OrderBy(r => r.Observation.Platform, StringComparer.Ordinal)
            .ThenBy(r => r.Observation.SubjectId, StringComparer.Ordinal)
            .ThenBy(r => r.Observation.Condition)
            .ThenBy(r => r.Observation.AssessorId, StringComparer.Ordinal)
            .ToList();
    }

    private sealed record Subject(string Id, Gender Gender, Race Race, AgeGroup Age);

    private static List<Subject> MakeSubjects(Random random, CrowdSimulationOptions options)
    {
        var n = options.Subjects;
        var females = (int)Math.Round(n * options.FemaleShare, MidpointRounding.AwayFromZero);
        var genders = Shuffle(random, Enumerable.Range(0, n).Select(i => i < females ? Gender.F : Gender.M).ToArray());
        var races = Shuffle(random, Enumerable.Range(0, n).Select(i => i % 2 == 0 ? Race.W : Race.B).ToArray());
        var ages = Shuffle(random, Enumerable.Range(0, n).Select(i => i % 2 == 0 ? AgeGroup.Young : AgeGroup.Senior).ToArray());
        var width = Math.Max(3, n.ToString(CultureInfo.InvariantCulture).Length);
        return Enumerable.Range(0, n)
            .Select(i => new Subject($"S{(i + 1).ToString(new string('0', width), CultureInfo.InvariantCulture)}", genders[i], races[i], ages[i]))
            .ToList();
    }

    private static IEnumerable<SimulatedRating> RatePlatform(Random random, CrowdModel model, CrowdSimulationOptions options,
        PlatformDesign platform, List<Subject> subjects, double[] subjectEffects)
    {
        var perBatch = 4 * platform.K;
        var batches = (subjects.Count + options.BatchSize - 1) / options.BatchSize;
        var width = Math.Max(4, (batches * perBatch).ToString(CultureInfo.InvariantCulture).Length);
        var format = new string('0', width);

        // Assessors first (id, random effect, speeder or not), then the ratings: the same order on every run.
        var assessors = Enumerable.Range(1, batches * perBatch)
            .Select(i => (Id: platform.AssessorPrefix + i.ToString(format, CultureInfo.InvariantCulture),
                Effect: RatingDraw.Normal(random) * model.AssessorSd,
                Speeder: random.NextDouble() < options.SpeederShare))
            .ToList();

        for (var start = 0; start < subjects.Count; start += options.BatchSize)
        {
            var batch = start / options.BatchSize;
            for (var i = 0; i < Math.Min(options.BatchSize, subjects.Count - start); i++)
            {
                var subjectIndex = start + i;
                var subject = subjects[subjectIndex];
                // Assessor a rates variant (a + i) mod 4 of the i-th face of the batch: every variant gets k
                // ratings and no assessor sees two variants of one face.
                for (var a = 0; a < perBatch; a++)
                {
                    var assessor = assessors[batch * perBatch + a];
                    var condition = Variants[(a + i) % 4];
                    var context = new RatingContext(subject.Id, subject.Gender, subject.Race, subject.Age, condition,
                        platform, assessor.Id, subjectEffects[subjectIndex] + assessor.Effect + platform.Offset);
                    var failedAttention = random.NextDouble() < options.AttentionFailureShare;
                    var rating = assessor.Speeder ? RatingDraw.Random(random)
                        : failedAttention ? RatingDraw.StraightLine(random)
                        : RatingDraw.Model(random, model, context.PerceivedRace, context.PerceivedAge, context.SharedEffect);
                    yield return new SimulatedRating(context.ToObservation(rating), assessor.Speeder, failedAttention);
                }
            }
        }
    }

    private sealed record RatingContext(string SubjectId, Gender Gender, Race Race, AgeGroup Age, Condition Condition,
        PlatformDesign Platform, string AssessorId, double SharedEffect)
    {
        public Race PerceivedRace => Condition.PerceivedRace(Race);

        public AgeGroup PerceivedAge => Condition.PerceivedAge(Age);

        public RatingObservation ToObservation(AuRating rating) =>
            new(Platform.Name, AssessorId, SubjectId, Gender, Race, Age, Condition, PerceivedRace, PerceivedAge, rating);
    }

    private static T[] Shuffle<T>(Random random, T[] items)
    {
        for (var i = items.Length - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
        return items;
    }
}
