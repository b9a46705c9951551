using Microsoft.EntityFrameworkCore;
using PainBias.Core.Domain;
using PainBias.Data;
using PainBias.Data.Entities;
using PainBias.Web.Features.AssessorTask;

namespace PainBias.Web.Features.StudySettings;

public sealed record Reevaluation(int Ratings, int NowExcluded, int NowIncluded);

/// <summary>
/// Applies a study's exclusion rules to every rating it already has, after a researcher changed them: ratings are never
/// deleted and keep their flags; only <see cref="Assessment.Included"/> changes. The allocator counts included ratings,
/// so a rating that becomes excluded re-opens its slot at once, and one that becomes included again fills it (a variant
/// can then hold more than k included ratings, which is kept: nothing is thrown away). The signals that compare ratings
/// (uniform across a worker's images, identical answers across workers, sessions per network address) are recomputed
/// from scratch here, so a changed address limit applies and two matching submits stored at the same moment are caught.
/// </summary>
public static class StudyRatingRules
{
    private const ExclusionReason Recomputed =
        ExclusionReason.UniformAnswers | ExclusionReason.IdenticalAnswers | ExclusionReason.SharedNetwork;

    /// <summary>Updates the tracked ratings of the study; the caller saves (with its audit entry).</summary>
    public static async Task<Reevaluation> ReevaluateAsync(PainBiasDbContext db, Study study, CancellationToken ct)
    {
        var ratings = await db.Assessments.Where(a => a.StudyId == study.Id).ToListAsync(ct);
        var networks = await db.TaskSessions.AsNoTracking()
            .Where(s => s.StudyId == study.Id && !s.IsPreview && s.NetworkHash != null)
            .Select(s => new { s.WorkerId, s.NetworkHash }).ToListAsync(ct);
        var crowded = networks.GroupBy(s => s.NetworkHash).Where(g => g.Count() > study.MaxSessionsPerNetwork)
            .SelectMany(g => g.Select(s => s.WorkerId)).ToHashSet();
        var counted = ratings.Where(a => (a.ExclusionReasons & ExclusionReason.Preview) == 0).ToList();
        var uniformWorkers = counted.GroupBy(a => a.WorkerId)
            .Where(g => g.Count() > 1 && g.All(a => RatingChecks.SameAus(a, g.First()))).Select(g => g.Key).ToHashSet();
        var copied = counted.GroupBy(RatingChecks.AnswerVector)
            .Where(g => g.Select(a => a.WorkerId).Distinct().Count() > 1)
            .SelectMany(g => g).Select(a => a.Id).ToHashSet();

        var rules = study.Rules();
        int nowExcluded = 0, nowIncluded = 0;
        foreach (var rating in ratings)
        {
            var reasons = rating.ExclusionReasons & ~Recomputed;
            if ((reasons & ExclusionReason.Preview) == 0)
            {
                if (RatingChecks.AllIntensitiesEqual(rating) || uniformWorkers.Contains(rating.WorkerId))
                    reasons |= ExclusionReason.UniformAnswers;
                if (copied.Contains(rating.Id))
                    reasons |= ExclusionReason.IdenticalAnswers;
                if (crowded.Contains(rating.WorkerId))
                    reasons |= ExclusionReason.SharedNetwork;
            }
            rating.ExclusionReasons = reasons;
            var included = rules.Includes(reasons);
            if (included != rating.Included)
            {
                if (included)
                    nowIncluded++;
                else
                    nowExcluded++;
                rating.Included = included;
            }
        }
        return new Reevaluation(ratings.Count, nowExcluded, nowIncluded);
    }
}
