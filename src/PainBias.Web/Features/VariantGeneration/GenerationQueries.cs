using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PainBias.Data;
using PainBias.Imaging.Editing.Onnx;
using PainBias.Jobs.Generation;
using PainBias.Web.Features.Studies;
using PainBias.Web.Hosting;

namespace PainBias.Web.Features.VariantGeneration;

public sealed class GenerationQueries(IDbContextFactory<PainBiasDbContext> contexts)
{
    /// <summary>Null when the study does not exist or is not the actor's.</summary>
    public async Task<GenerationView?> GetAsync(Guid studyId, Actor actor, CancellationToken cancellationToken, int runs = 5)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var study = await db.Studies.AsNoTracking().VisibleTo(actor).Where(s => s.Id == studyId)
            .Select(s => new { s.Id, s.Name, s.ImageSize, s.Greyscale, Faces = s.SourceFaces.Count }).SingleOrDefaultAsync(cancellationToken);
        if (study is null)
            return null;

        var editors = (await db.VariantEditors.AsNoTracking().Where(e => e.StudyId == studyId).OrderBy(e => e.Name).ToListAsync(cancellationToken))
            .Select(e => new EditorRow(e.Id, e.Name, e.Condition, e.ModelSha256, e.FileName, StrengthInput(e.ManifestJson), e.CreatedAt))
            .ToList();
        var runRows = (await db.GenerationRuns.AsNoTracking().Where(r => r.StudyId == studyId).OrderByDescending(r => r.RequestedAt).Take(runs).ToListAsync(cancellationToken))
            .Select(r => new RunRow(r.Id, r.State, r.Total, r.Created, r.Skipped, r.Failed,
                r.FailuresJson is null ? [] : JsonSerializer.Deserialize<List<GenerationFailure>>(r.FailuresJson, GenerationRequest.Json) ?? [],
                r.Error, r.Node, r.RequestedAt, r.StartedAt, r.FinishedAt, GenerationRequest.FromJson(r.RequestJson)))
            .ToList();
        var variants = (await (
                from v in db.Variants.AsNoTracking()
                where v.StudyId == studyId
                join f in db.SourceFaces on v.SourceFaceId equals f.Id
                select new VariantRow(v.Id, f.Id, f.Label, v.Condition, v.ImageSha256, v.Editor, v.ModelSha256, v.ParametersJson, v.Seed, v.Node, v.CreatedAt))
                .ToListAsync(cancellationToken))
            .OrderBy(v => v.Face, StringComparer.OrdinalIgnoreCase).ThenBy(v => v.Condition)
            .ToList();
        return new GenerationView(study.Id, study.Name, study.ImageSize, study.Greyscale, study.Faces, editors, runRows, variants);
    }

    private static string? StrengthInput(string manifestJson)
    {
        try
        {
            return JsonSerializer.Deserialize<OnnxEditorManifest>(manifestJson, OnnxEditorManifest.Json)?.Strength?.Name;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
