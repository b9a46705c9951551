using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PainBias.Data;
using PainBias.Data.Blobs;
using PainBias.Imaging.Inference;
using PainBias.Imaging.PainModels;
using PainBias.Imaging.Quality.Onnx;
using PainBias.Jobs.Fairness;
using PainBias.Jobs.Quality;
using PainBias.Web.Features.Studies;
using PainBias.Web.Hosting;

namespace PainBias.Web.Features.Fairness;

/// <summary>
/// Starts an audit of a researcher's pain model: the manifest is parsed and checked against the model in ONNX Runtime
/// now, so a mismatch is refused with what the model declares and nothing is stored or queued.
/// </summary>
public static class StartFairnessAudit
{
    public sealed record Command(Guid StudyId, string? ManifestJson, string? FileName, byte[] Model);

    public sealed record Result(Guid? AuditId, bool StudyFound, IReadOnlyList<string> Problems)
    {
        public bool Succeeded => AuditId is not null;
    }

    public sealed class Handler(IDbContextFactory<PainBiasDbContext> contexts, IBlobStore blobs, OnnxSessionFactory sessions,
        IOptions<QualityOptions> options, FairnessJobs jobs)
    {
        public async Task<Result> HandleAsync(Command command, Actor actor, CancellationToken cancellationToken)
        {
            await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
                if (!await ModelUpload.StudyVisibleAsync(db, command.StudyId, actor, cancellationToken))
                    return new Result(null, false, [ModelUpload.StudyNotFound]);
            if (ModelUpload.Refuses(command.ManifestJson, "JSON: name, input, output", command.Model, options.Value.MaxModelBytes, out var problem))
                return Failed(problem);

            PainModelManifest manifest;
            try
            {
                manifest = PainModelManifest.Parse(command.ManifestJson);
                using var _ = OnnxPainModel.Load(sessions, command.Model, manifest);
            }
            catch (QualityModelException e)
            {
                return Failed([.. e.Problems]);
            }

            var sha = await blobs.PutAsync(command.Model, "application/onnx", cancellationToken);
            var id = await jobs.StartAuditAsync(command.StudyId, manifest.Name, manifest.ToJson(), sha,
                command.FileName is null ? null : Path.GetFileName(command.FileName), actor.UserId, cancellationToken);
            return new Result(id, true, []);
        }

        private static Result Failed(params string[] problems) => new(null, true, problems);
    }
}
