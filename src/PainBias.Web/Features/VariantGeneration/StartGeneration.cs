using Microsoft.EntityFrameworkCore;
using PainBias.Data;
using PainBias.Jobs.Generation;
using PainBias.Web.Features.Studies;
using PainBias.Web.Hosting;

namespace PainBias.Web.Features.VariantGeneration;

/// <summary>Checks a generation request against the study (its own editors only) and queues the run on the gpu queue.</summary>
public static class StartGeneration
{
    public sealed record Result(Guid? RunId, bool StudyFound, IReadOnlyList<string> Problems)
    {
        public bool Succeeded => RunId is not null;
    }

    public sealed class Handler(IDbContextFactory<PainBiasDbContext> contexts, VariantGenerationQueue queue)
    {
        public async Task<Result> HandleAsync(Guid studyId, GenerationRequest request, Actor actor, CancellationToken cancellationToken)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            if (!await db.Studies.VisibleTo(actor).AnyAsync(s => s.Id == studyId, cancellationToken))
                return new Result(null, false, ["Study not found, or it is not yours."]);
            var problems = request.Problems().ToList();
            var editors = request.Editors.ToList();
            var known = await db.VariantEditors.Where(e => e.StudyId == studyId && editors.Contains(e.Id)).Select(e => e.Id).ToListAsync(cancellationToken);
            problems.AddRange(editors.Except(known).Select(id => $"The editor {id} is not one of this study's editors."));
            if (problems.Count > 0)
                return new Result(null, true, problems);
            return new Result(await queue.EnqueueAsync(studyId, request, cancellationToken), true, []);
        }
    }
}
