using Microsoft.EntityFrameworkCore;
using PainBias.Core.Domain;
using PainBias.Data;
using PainBias.Data.Entities;
using PainBias.Web.Features.Audit;
using PainBias.Web.Features.Studies;
using PainBias.Web.Hosting;

namespace PainBias.Web.Features.StudySettings;

public sealed record StudySettingsView(Guid StudyId, string Name, StudySettingsForm Form, IReadOnlyList<LinkableStudy> Linkable);

public sealed record LinkableStudy(Guid Id, string Name);

/// <summary>
/// Reads and saves a study's task settings, exclusion rules and linked studies. Everything is checked before anything
/// is written; one SaveChanges stores the change, its audit entry and the re-evaluated ratings together.
/// </summary>
public static class SaveStudySettings
{
    public sealed record Result(bool Found, IReadOnlyDictionary<string, string> Errors, Reevaluation? Reevaluation)
    {
        public bool Saved => Found && Errors.Count == 0;
    }

    public sealed class Handler(IDbContextFactory<PainBiasDbContext> contexts, TimeProvider clock)
    {
        public async Task<StudySettingsView?> LoadAsync(Guid studyId, Actor actor, CancellationToken cancellationToken)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var study = await db.Studies.AsNoTracking().VisibleTo(actor).SingleOrDefaultAsync(s => s.Id == studyId, cancellationToken);
            if (study is null)
                return null;
            var linked = await LinkedAsync(db, studyId, cancellationToken);
            // Only the researcher's own studies can be linked (an admin: the owner's), never the study itself.
            var linkable = await db.Studies.AsNoTracking().Where(s => s.OwnerId == study.OwnerId && s.Id != studyId)
                .OrderBy(s => s.Name).Select(s => new LinkableStudy(s.Id, s.Name)).ToListAsync(cancellationToken);
            return new StudySettingsView(study.Id, study.Name, StudySettingsForm.From(study, linked), linkable);
        }

        public async Task<Result> HandleAsync(Guid studyId, StudySettingsForm form, Actor actor, CancellationToken cancellationToken)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var study = await db.Studies.VisibleTo(actor).SingleOrDefaultAsync(s => s.Id == studyId, cancellationToken);
            if (study is null)
                return new Result(false, new Dictionary<string, string>(), null);
            var errors = form.Validate();
            var wanted = form.LinkedStudyIds.Distinct().ToList();
            if (wanted.Contains(studyId))
                errors[nameof(form.LinkedStudyIds)] = "A study cannot be linked to itself.";
            var linkable = await db.Studies.Where(s => wanted.Contains(s.Id) && s.OwnerId == study.OwnerId).Select(s => s.Id).ToListAsync(cancellationToken);
            if (wanted.Except(linkable).Where(id => id != studyId).Any())
                errors[nameof(form.LinkedStudyIds)] = "Only your own existing studies can be linked.";
            if (errors.Count > 0)
                return new Result(true, errors, null);

            var before = Describe(study);
            var rulesBefore = (study.ExcludeFor, study.RejectFor, study.MaxSessionsPerNetwork);
            study.ImagesPerAssessor = form.ImagesPerAssessor;
            study.MinSecondsPerRating = form.MinSecondsPerRating;
            study.HoldMinutes = form.HoldMinutes;
            (study.RatingsPerVariantMTurk, study.RatingsPerVariantCredamo, study.RatingsPerVariantDirect) =
                (form.RatingsPerVariantMTurk, form.RatingsPerVariantCredamo, form.RatingsPerVariantDirect);
            study.MaxSessionsPerNetwork = form.MaxSessionsPerNetwork;
            var rules = form.ToRules(study.Rules());
            (study.ExcludeFor, study.RejectFor) = (rules.ExcludeFor, rules.RejectFor);

            var current = await LinkedAsync(db, studyId, cancellationToken);
            var now = clock.GetUtcNow().UtcDateTime;
            var added = wanted.Except(current).ToList();
            var removed = current.Except(wanted).ToList();
            foreach (var id in added)
                db.StudyLinks.Add(new StudyLink { StudyId = studyId, LinkedStudyId = id, CreatedAt = now, CreatedBy = actor.UserId });
            if (removed.Count > 0)
                db.StudyLinks.RemoveRange(await db.StudyLinks
                    .Where(l => (l.StudyId == studyId && removed.Contains(l.LinkedStudyId)) || (l.LinkedStudyId == studyId && removed.Contains(l.StudyId)))
                    .ToListAsync(cancellationToken));

            Reevaluation? reevaluation = null;
            if (rulesBefore != (study.ExcludeFor, study.RejectFor, study.MaxSessionsPerNetwork))
                reevaluation = await StudyRatingRules.ReevaluateAsync(db, study, cancellationToken);

            var after = Describe(study);
            var details = $"{before} → {after}";
            if (added.Count > 0 || removed.Count > 0)
                details += $"; linked +[{string.Join(", ", added)}] −[{string.Join(", ", removed)}]";
            if (reevaluation is not null)
                details += $"; re-evaluated {reevaluation.Ratings} ratings: {reevaluation.NowExcluded} now excluded, {reevaluation.NowIncluded} now included";
            if (before != after || added.Count > 0 || removed.Count > 0)
                db.Audit(actor, now, "study.settings.update", "study", studyId.ToString(), details);
            await db.SaveChangesAsync(cancellationToken);
            return new Result(true, new Dictionary<string, string>(), reevaluation);
        }

        /// <summary>Links count both ways, whichever study stored them.</summary>
        private static async Task<List<Guid>> LinkedAsync(PainBiasDbContext db, Guid studyId, CancellationToken ct) =>
            (await db.StudyLinks.Where(l => l.StudyId == studyId).Select(l => l.LinkedStudyId)
                .Concat(db.StudyLinks.Where(l => l.LinkedStudyId == studyId).Select(l => l.StudyId))
                .ToListAsync(ct)).Distinct().ToList();

        private static string Describe(Study s)
        {
            var rules = s.Rules();
            var actions = string.Join(" ", ExclusionRules.Configurable.Select(r => $"{r}={rules.ActionFor(r)}"));
            return $"images {s.ImagesPerAssessor}, min {s.MinSecondsPerRating}s, hold {s.HoldMinutes}min, " +
                   $"k MTurk {s.RatingsPerVariantMTurk} Credamo {s.RatingsPerVariantCredamo} Direct {s.RatingsPerVariantDirect}, " +
                   $"network {s.MaxSessionsPerNetwork}, {actions}";
        }
    }
}
