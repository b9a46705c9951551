using System.Text;
using Microsoft.EntityFrameworkCore;
using PainBias.Data;
using PainBias.Jobs.Fairness;
using PainBias.Web.Features.Studies;
using PainBias.Web.Hosting;

namespace PainBias.Web.Features.Fairness;

/// <summary>
/// Starts a fairness experiment: checks the settings and the optional external labels file (every bad line listed,
/// nothing queued), then queues feature extraction (gpu) followed by training (default).
/// </summary>
public static class StartFairnessRun
{
    public sealed record Command(Guid StudyId, int Folds, long Seed, byte[]? LabelsCsv, string? LabelsFileName);

    public sealed record Result(Guid? RunId, bool StudyFound, IReadOnlyList<string> Problems)
    {
        public bool Succeeded => RunId is not null;
    }

    public sealed class Handler(IDbContextFactory<PainBiasDbContext> contexts, FairnessJobs jobs)
    {
        public async Task<Result> HandleAsync(Command command, Actor actor, CancellationToken cancellationToken)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            if (!await db.Studies.VisibleTo(actor).AnyAsync(s => s.Id == command.StudyId, cancellationToken))
                return new Result(null, false, ["Study not found, or it is not yours."]);
            if (command.Folds is < 2 or > 20)
                return new Result(null, true, [$"Folds must be 2–20 (got {command.Folds})."]);

            IReadOnlyDictionary<Guid, double>? labels = null;
            if (command.LabelsCsv is { Length: > 0 } bytes)
            {
                var variants = (await db.Variants.AsNoTracking().Where(v => v.StudyId == command.StudyId)
                        .Join(db.SourceFaces, v => v.SourceFaceId, f => f.Id, (v, f) => new { v.Id, f.Label, v.Condition, v.ImageSha256 })
                        .ToListAsync(cancellationToken))
                    .Select(v => new ExternalLabelsCsv.StudyVariant(v.Id, v.Label, v.Condition, v.ImageSha256)).ToList();
                string text;
                try
                {
                    text = new UTF8Encoding(false, true).GetString(bytes);
                }
                catch (DecoderFallbackException)
                {
                    return new Result(null, true, ["The labels file is not UTF-8 text; save it as CSV (UTF-8)."]);
                }

                var parsed = ExternalLabelsCsv.Parse(text, variants);
                if (!parsed.Succeeded) return new Result(null, true, parsed.Errors);
                labels = parsed.Labels;
            }

            var id = await jobs.StartRunAsync(command.StudyId, command.Folds, command.Seed, labels,
                command.LabelsFileName is null ? null : Path.GetFileName(command.LabelsFileName), actor.UserId, cancellationToken);
            return new Result(id, true, []);
        }
    }
}
