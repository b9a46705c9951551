using Microsoft.EntityFrameworkCore;
using PainBias.Data;
using PainBias.Web.Features.Studies;
using PainBias.Web.Hosting;

namespace PainBias.Web.Features.Crowd;

/// <summary>Saves a launch as a draft, sized to what the study's MTurk quota still lacks. Nothing reaches MTurk yet.</summary>
public static class SaveMTurkLaunch
{
    public sealed record Result(Guid? LaunchId, IReadOnlyList<string> Errors, bool NotFound = false);

    public sealed class Handler(IDbContextFactory<PainBiasDbContext> contexts, TimeProvider clock)
    {
        public async Task<Result> HandleAsync(Guid studyId, MTurkLaunchForm form, Actor actor, CancellationToken cancellationToken)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var study = await db.Studies.VisibleTo(actor).AsNoTracking().SingleOrDefaultAsync(s => s.Id == studyId, cancellationToken);
            if (study is null)
                return new Result(null, [], NotFound: true);

            var errors = form.Validate().ToList();
            if (errors.Count == 0 && !new Uri(form.TaskUrl).AbsolutePath.TrimEnd('/').EndsWith($"/task/mturk/{studyId}", StringComparison.OrdinalIgnoreCase))
                errors.Add($"Task URL: it must end with /task/mturk/{studyId}, this study's task.");
            var quota = await MTurkQuota.ForAsync(db, study, form.Sandbox, null, cancellationToken);
            if (quota.Needed == 0)
                errors.Add("The study has no MTurk quota: add variants and set k for MTurk first.");
            else if (quota.Remaining == 0)
                errors.Add($"The study's MTurk quota ({quota.Needed} assignments) is already covered on {(form.Sandbox ? "the sandbox" : "live MTurk")}.");
            if (errors.Count > 0)
                return new Result(null, errors);

            var launch = form.ToLaunch(studyId, quota.Remaining, clock.GetUtcNow().UtcDateTime);
            db.MTurkLaunches.Add(launch);
            await db.SaveChangesAsync(cancellationToken);
            return new Result(launch.Id, []);
        }
    }
}
