using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PainBias.Data;
using PainBias.Data.Blobs;
using PainBias.Data.Entities;
using PainBias.Imaging.Inference;
using PainBias.Imaging.Quality.Onnx;
using PainBias.Jobs.Quality;
using PainBias.Web.Features.Studies;
using PainBias.Web.Hosting;

namespace PainBias.Web.Features.Quality;

/// <summary>
/// Adds a researcher's check model to a study: the manifest is parsed and then checked against the model itself
/// (loaded once in ONNX Runtime), so a mismatch is reported now, with what the model declares, and nothing is stored.
/// </summary>
public static class UploadQualityModel
{
    public sealed record Command(Guid StudyId, string? ManifestJson, string? FileName, byte[] Model);

    public sealed record Result(Guid? ModelId, bool StudyFound, IReadOnlyList<string> Problems)
    {
        public bool Succeeded => ModelId is not null;
    }

    public sealed class Handler(
        IDbContextFactory<PainBiasDbContext> contexts, IBlobStore blobs, OnnxSessionFactory sessions,
        IOptions<QualityOptions> options, TimeProvider clock)
    {
        public async Task<Result> HandleAsync(Command command, Actor actor, CancellationToken cancellationToken)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            if (!await ModelUpload.StudyVisibleAsync(db, command.StudyId, actor, cancellationToken))
                return new Result(null, false, [ModelUpload.StudyNotFound]);
            if (ModelUpload.Refuses(command.ManifestJson, "JSON: name, kind, input, output, threshold", command.Model, options.Value.MaxModelBytes, out var problem))
                return Failed(problem);

            QualityModelManifest manifest;
            try
            {
                manifest = QualityModelManifest.Parse(command.ManifestJson);
                using var _ = OnnxQualityCheck.Load(sessions, command.Model, manifest);
            }
            catch (QualityModelException e)
            {
                return Failed([.. e.Problems]);
            }
            if (await db.QualityModels.AnyAsync(m => m.StudyId == command.StudyId && m.Name == manifest.Name, cancellationToken))
                return Failed($"This study already has a check model named \"{manifest.Name}\"; remove it first or choose another name.");

            var sha = await blobs.PutAsync(command.Model, "application/onnx", cancellationToken);
            var model = new QualityModel
            {
                Id = Guid.CreateVersion7(),
                StudyId = command.StudyId,
                Name = manifest.Name,
                Kind = manifest.Kind!.Value.ToString(),
                ManifestJson = manifest.ToJson(),
                ModelSha256 = sha,
                FileName = command.FileName is null ? null : Path.GetFileName(command.FileName),
                CreatedAt = clock.GetUtcNow().UtcDateTime,
            };
            db.QualityModels.Add(model);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                return Failed($"This study already has a check model named \"{manifest.Name}\".");
            }
            return new Result(model.Id, true, []);
        }

        public async Task<bool> RemoveAsync(Guid studyId, Guid modelId, Actor actor, CancellationToken cancellationToken)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            if (!await db.Studies.VisibleTo(actor).AnyAsync(s => s.Id == studyId, cancellationToken))
                return false;
            return await db.QualityModels.Where(m => m.Id == modelId && m.StudyId == studyId).ExecuteDeleteAsync(cancellationToken) > 0;
        }

        private static Result Failed(params string[] problems) => new(null, true, problems);
    }
}
