using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PainBias.Data;
using PainBias.Data.Blobs;
using PainBias.Data.Entities;
using PainBias.Imaging.Editing.Onnx;
using PainBias.Imaging.Inference;
using PainBias.Jobs.Quality;
using PainBias.Web.Features.Studies;
using PainBias.Web.Hosting;

namespace PainBias.Web.Features.VariantGeneration;

/// <summary>
/// Adds a researcher's ONNX face editor to a study: the manifest is parsed, then checked against the model itself (loaded
/// once in ONNX Runtime), so a mismatch is reported now with what the model declares, and nothing is stored.
/// </summary>
public static class UploadVariantEditor
{
    public sealed record Command(Guid StudyId, string? ManifestJson, string? FileName, byte[] Model);

    public sealed record Result(Guid? EditorId, bool StudyFound, IReadOnlyList<string> Problems)
    {
        public bool Succeeded => EditorId is not null;
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
            // Editors share the check models' upload limit (Quality:MaxModelBytes).
            if (ModelUpload.Refuses(command.ManifestJson, "JSON: name, condition, input, output; optional strength, alignment, maxBatch", command.Model, options.Value.MaxModelBytes, out var problem))
                return Failed(problem);

            OnnxEditorManifest manifest;
            try
            {
                manifest = OnnxEditorManifest.Parse(command.ManifestJson);
                using var _ = OnnxEditor.Load(sessions, command.Model, manifest);
            }
            catch (OnnxEditorException e)
            {
                return Failed([.. e.Problems]);
            }
            if (await db.VariantEditors.AnyAsync(m => m.StudyId == command.StudyId && m.Name == manifest.Name, cancellationToken))
                return Failed($"This study already has an editor named \"{manifest.Name}\"; remove it first or choose another name.");

            var sha = await blobs.PutAsync(command.Model, "application/onnx", cancellationToken);
            var editor = new VariantEditor
            {
                Id = Guid.CreateVersion7(),
                StudyId = command.StudyId,
                Name = manifest.Name,
                Condition = manifest.Produces,
                ManifestJson = manifest.ToJson(),
                ModelSha256 = sha,
                FileName = command.FileName is null ? null : Path.GetFileName(command.FileName),
                CreatedAt = clock.GetUtcNow().UtcDateTime,
            };
            db.VariantEditors.Add(editor);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                return Failed($"This study already has an editor named \"{manifest.Name}\".");
            }
            return new Result(editor.Id, true, []);
        }

        /// <summary>Variants it made keep their provenance (name and model hash); only the editor leaves the study.</summary>
        public async Task<bool> RemoveAsync(Guid studyId, Guid editorId, Actor actor, CancellationToken cancellationToken)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            if (!await db.Studies.VisibleTo(actor).AnyAsync(s => s.Id == studyId, cancellationToken))
                return false;
            return await db.VariantEditors.Where(m => m.Id == editorId && m.StudyId == studyId).ExecuteDeleteAsync(cancellationToken) > 0;
        }

        private static Result Failed(params string[] problems) => new(null, true, problems);
    }
}
