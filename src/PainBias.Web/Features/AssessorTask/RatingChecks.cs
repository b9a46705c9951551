using Microsoft.EntityFrameworkCore;
using PainBias.Core.Domain;
using PainBias.Data;
using PainBias.Data.Entities;

namespace PainBias.Web.Features.AssessorTask;

/// <summary>
/// The checks and bot/fraud signals of a rating (DESIGN "Data quality"). Every flag is stored on the rating; the
/// study's <see cref="ExclusionRules"/> decide whether it excludes. Signals that compare workers (identical answers,
/// one network address) also flag the earlier ratings they match; a rule change re-runs them over the whole study
/// (<see cref="StudyRatingRules"/>), which also catches two matching submits that were stored at the same moment.
/// </summary>
public static class RatingChecks
{
    /// <summary>Flags that follow from the rating alone and the variant it rated.</summary>
    public static ExclusionReason Own(Assessment rating, Race perceivedRace, AgeGroup perceivedAge, bool honeypotFilled)
    {
        var reasons = ExclusionReason.None;
        if (rating.AttentionPassed == false)
            reasons |= ExclusionReason.FailedAttention;
        if (rating.PerceivedRaceAnswer != perceivedRace || rating.PerceivedAgeAnswer != perceivedAge)
            reasons |= ExclusionReason.ManipulationCheckFailed;
        if (rating.LooksEditedAnswer == true)
            reasons |= ExclusionReason.LooksEdited;
        if (honeypotFilled)
            reasons |= ExclusionReason.Honeypot;
        if (AllIntensitiesEqual(rating))
            reasons |= ExclusionReason.UniformAnswers;
        return reasons;
    }

    /// <summary>
    /// Adds the flags that compare <paramref name="fresh"/> (not yet saved) with the study's stored ratings, and flags
    /// the stored ones it matches (tracked, saved with it).
    /// </summary>
    /// <param name="earlierOwn">How many ratings the worker already has in this study (no query when none).</param>
    public static async Task FlagAcrossAsync(
        PainBiasDbContext db, Assessment fresh, int earlierOwn, string? networkHash, int maxSessionsPerNetwork, ExclusionRules rules, CancellationToken ct)
    {
        if ((fresh.ExclusionReasons & ExclusionReason.Preview) != 0)
            return;
        var touched = new List<Assessment>();

        // Every rating of this worker the same (two or more images): the straight-liner's pattern across images.
        if (earlierOwn > 0)
        {
            var own = await db.Assessments.Where(a => a.StudyId == fresh.StudyId && a.WorkerId == fresh.WorkerId).ToListAsync(ct);
            if (own.Count > 0 && own.All(a => SameAus(a, fresh)))
                Flag(own.Append(fresh), ExclusionReason.UniformAnswers);
        }

        // The same answers, checks included, as another worker's rating of the study (any variant): copied answers.
        // The index on (StudyId, AUs) keeps the look-up a seek that stops at the first match. A flagged first match
        // means the group was flagged before (every flagging flags all members then): a later copy writes only its
        // own row. Otherwise this is the group's first detection and every member not yet flagged is flagged too.
        var copies = db.Assessments.Where(a => a.StudyId == fresh.StudyId && a.WorkerId != fresh.WorkerId
            && a.Au4 == fresh.Au4 && a.Au6 == fresh.Au6 && a.Au7 == fresh.Au7 && a.Au9 == fresh.Au9 && a.Au10 == fresh.Au10 && a.Au43 == fresh.Au43
            && a.AttentionPassed == fresh.AttentionPassed && a.PerceivedRaceAnswer == fresh.PerceivedRaceAnswer
            && a.PerceivedAgeAnswer == fresh.PerceivedAgeAnswer && a.LooksEditedAnswer == fresh.LooksEditedAnswer
            && (a.ExclusionReasons & ExclusionReason.Preview) == 0);
        var firstCopy = await copies.Select(a => (ExclusionReason?)a.ExclusionReasons).FirstOrDefaultAsync(ct);
        if (firstCopy is { } firstReasons)
        {
            Flag([fresh], ExclusionReason.IdenticalAnswers);
            if ((firstReasons & ExclusionReason.IdenticalAnswers) == 0)
                Flag(await copies.Where(a => (a.ExclusionReasons & ExclusionReason.IdenticalAnswers) == 0).ToListAsync(ct), ExclusionReason.IdenticalAnswers);
        }

        // More sessions from this address than the study allows: every rating of those sessions (those not flagged yet).
        if (networkHash is not null)
        {
            var workers = await db.TaskSessions.AsNoTracking()
                .Where(s => s.StudyId == fresh.StudyId && s.NetworkHash == networkHash && !s.IsPreview)
                .Select(s => s.WorkerId).ToListAsync(ct);
            if (workers.Count > maxSessionsPerNetwork)
            {
                Flag([fresh], ExclusionReason.SharedNetwork);
                Flag(await db.Assessments.Where(a => a.StudyId == fresh.StudyId && workers.Contains(a.WorkerId)
                    && (a.ExclusionReasons & ExclusionReason.SharedNetwork) == 0).ToListAsync(ct), ExclusionReason.SharedNetwork);
            }
        }

        foreach (var rating in touched)
            rating.Included = rules.Includes(rating.ExclusionReasons);

        void Flag(IEnumerable<Assessment> ratings, ExclusionReason reason)
        {
            foreach (var rating in ratings)
            {
                rating.ExclusionReasons |= reason;
                touched.Add(rating);
            }
        }
    }

    /// <summary>AU4, AU6, AU7, AU9 and AU10 all given the same intensity: a straight line down the form.</summary>
    public static bool AllIntensitiesEqual(Assessment a) => a.Au4 == a.Au6 && a.Au6 == a.Au7 && a.Au7 == a.Au9 && a.Au9 == a.Au10;

    public static bool SameAus(Assessment a, Assessment b) =>
        (a.Au4, a.Au6, a.Au7, a.Au9, a.Au10, a.Au43) == (b.Au4, b.Au6, b.Au7, b.Au9, b.Au10, b.Au43);

    /// <summary>Everything a rating answered, for the identical-answers signal.</summary>
    public static object AnswerVector(Assessment a) =>
        (a.Au4, a.Au6, a.Au7, a.Au9, a.Au10, a.Au43, a.AttentionPassed, a.PerceivedRaceAnswer, a.PerceivedAgeAnswer, a.LooksEditedAnswer);
}
