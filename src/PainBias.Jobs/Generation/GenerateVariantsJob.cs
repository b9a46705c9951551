using System.Text.Json;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.ML.OnnxRuntime;
using PainBias.Core.Domain;
using PainBias.Data;
using PainBias.Data.Blobs;
using PainBias.Data.Entities;
using PainBias.Imaging.Decoding;
using PainBias.Imaging.Editing;
using PainBias.Imaging.Editing.Onnx;
using PainBias.Imaging.Faces;
using PainBias.Imaging.Normalisation;
using PainBias.Jobs.Quality;
using SkiaSharp;

namespace PainBias.Jobs.Generation;

/// <summary>
/// Makes a study's missing variants for one <see cref="GenerationRun"/>: the built-in skin-tone editor (target opposite
/// to the face's race) and the chosen ONNX editors (batched when their model allows), optionally chaining an Age editor
/// onto SkinTone variants for SkinToneAge. Reentrant: a (face, condition) that already has a variant is skipped, checked
/// before writing and guarded by the database's unique index, so a retry after a crash makes no duplicates. One face's
/// failure is recorded and the rest go on. Progress is written to the run row; the quality check is queued at the end.
/// </summary>
public sealed class GenerateVariantsJob(
    IDbContextFactory<PainBiasDbContext> contexts,
    IBlobStore blobs,
    FaceNormaliser normaliser,
    ImageDecoder decoder,
    SkinToneEditor skinTone,
    OnnxEditorSessions editors,
    IBackgroundJobClient jobs,
    TimeProvider clock,
    ILogger<GenerateVariantsJob> logger)
{
    public const string BuiltInEditor = "builtin-skin-tone";

    [Queue(Queues.Gpu)]
    [AutomaticRetry(Attempts = 3)]
    public async Task RunAsync(Guid runId, CancellationToken cancellationToken)
    {
        GenerationRun? run;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
            run = await db.GenerationRuns.AsNoTracking().SingleOrDefaultAsync(r => r.Id == runId, cancellationToken);
        if (run is null)
        {
            logger.LogWarning("Generation run {RunId} skipped: it no longer exists", runId);
            return;
        }
        if (run.State == GenerationState.Finished)
        {
            logger.LogInformation("Generation run {RunId} already finished; nothing to do", runId);
            return;
        }

        var progress = new Progress(contexts, clock, runId);
        try
        {
            await GenerateAsync(run, progress, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Left for Hangfire to retry; the row says why in the meantime.
            await progress.WriteAsync(GenerationState.Failed, $"The run stopped: {e.Message}", CancellationToken.None);
            throw;
        }
    }

    private async Task GenerateAsync(GenerationRun run, Progress progress, CancellationToken cancellationToken)
    {
        var request = GenerationRequest.FromJson(run.RequestJson);
        StudyShape? study;
        List<Face> faces;
        List<VariantEditor> chosen;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            study = await db.Studies.AsNoTracking().Where(s => s.Id == run.StudyId).Select(s => new StudyShape(s.ImageSize, s.Greyscale)).SingleOrDefaultAsync(cancellationToken);
            faces = await db.SourceFaces.AsNoTracking().Where(f => f.StudyId == run.StudyId).OrderBy(f => f.Label)
                .Select(f => new Face(f.Id, f.Label, f.Race, f.OriginalSha256)).ToListAsync(cancellationToken);
            chosen = await db.VariantEditors.AsNoTracking().Where(e => e.StudyId == run.StudyId && request.Editors.Contains(e.Id))
                .ToListAsync(cancellationToken);
        }
        if (study is null)
        {
            await progress.WriteAsync(GenerationState.Failed, "The study no longer exists.", cancellationToken);
            return;
        }

        var sources = Sources(request, chosen, progress);
        await progress.StartAsync(sources.Count * faces.Count, cancellationToken);
        foreach (var source in sources)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await RunSourceAsync(run.StudyId, study, faces, source, request, progress, cancellationToken);
        }

        await progress.WriteAsync(GenerationState.Finished, null, cancellationToken);
        logger.LogInformation("Generation run {RunId} of study {StudyId}: {Created} variants made, {Skipped} existed, {Failed} failed",
            run.Id, run.StudyId, progress.Created, progress.Skipped, progress.Failed);
        if (progress.Created > 0)
            jobs.Enqueue<QualityCheckJob>(Queues.Default, job => job.RunAsync(run.StudyId, CancellationToken.None));
    }

    /// <summary>Built-in first, then ONNX editors by condition (SkinTone before Age), then chains, which read SkinTone variants.</summary>
    private static List<Source> Sources(GenerationRequest request, List<VariantEditor> chosen, Progress progress)
    {
        var sources = new List<Source>();
        if (request.SkinToneStrength is not null)
            sources.Add(new Source(Condition.SkinTone, BuiltInEditor, null, Chained: false));
        foreach (var editor in chosen.OrderBy(e => e.Condition).ThenBy(e => e.Name, StringComparer.Ordinal))
            sources.Add(new Source(editor.Condition, "onnx:" + editor.Name, editor, Chained: false));
        if (request.ChainSkinToneAge)
        {
            foreach (var editor in chosen.Where(e => e.Condition == Condition.Age).OrderBy(e => e.Name, StringComparer.Ordinal))
                sources.Add(new Source(Condition.SkinToneAge, $"onnx:{editor.Name} on skin tone", editor, Chained: true));
        }
        foreach (var missing in request.Editors.Where(id => chosen.All(e => e.Id != id)))
            progress.Fail(new GenerationFailure("(all faces)", Condition.Original, missing.ToString(), "This editor is not (or no longer) part of the study; it was skipped."));
        return sources;
    }

    private async Task RunSourceAsync(Guid studyId, StudyShape study, List<Face> faces, Source source, GenerationRequest request,
        Progress progress, CancellationToken cancellationToken)
    {
        HashSet<Guid> done;
        Dictionary<Guid, string> skinToneImages = [];
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            done = [.. await db.Variants.AsNoTracking().Where(v => v.StudyId == studyId && v.Condition == source.Condition).Select(v => v.SourceFaceId).ToListAsync(cancellationToken)];
            if (source.Chained)
            {
                skinToneImages = await db.Variants.AsNoTracking().Where(v => v.StudyId == studyId && v.Condition == Condition.SkinTone)
                    .ToDictionaryAsync(v => v.SourceFaceId, v => v.ImageSha256, cancellationToken);
            }
        }

        var pending = faces.Where(f => !done.Contains(f.Id)).ToList();
        await progress.SkipAsync(faces.Count - pending.Count, cancellationToken);
        if (pending.Count == 0)
            return;

        if (source.Editor is null)
        {
            foreach (var face in pending)
            {
                cancellationToken.ThrowIfCancellationRequested();
                await BuiltInAsync(studyId, study, face, request, progress, cancellationToken);
            }
            return;
        }

        OnnxEditor editor;
        try
        {
            var manifest = OnnxEditorManifest.Parse(source.Editor.ManifestJson);
            editor = editors.Get(source.Editor.ModelSha256, manifest, () => BytesAsync(source.Editor.ModelSha256, cancellationToken).GetAwaiter().GetResult());
            editor.EffectiveStrength(request.EditorStrength);
        }
        catch (Exception e) when (e is OnnxEditorException or ImageRejectedException)
        {
            foreach (var face in pending)
                progress.Fail(new GenerationFailure(face.Label, source.Condition, source.Name, $"The editor could not be used: {e.Message}"));
            await progress.FlushAsync(cancellationToken);
            return;
        }

        foreach (var chunk in pending.Chunk(editor.BatchSize))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var inputs = new List<(Face Face, SKBitmap Aligned, string From, FaceDetection Found)>();
            try
            {
                foreach (var face in chunk)
                {
                    if (await AlignedInputAsync(face, editor, source, skinToneImages, progress, cancellationToken) is { } input)
                        inputs.Add(input);
                }
                await EditAndSaveAsync(studyId, study, source, editor, request, inputs, progress, cancellationToken);
            }
            finally
            {
                inputs.ForEach(i => i.Aligned.Dispose());
            }
            await progress.FlushAsync(cancellationToken);
        }
    }

    private async Task BuiltInAsync(Guid studyId, StudyShape study, Face face, GenerationRequest request, Progress progress, CancellationToken cancellationToken)
    {
        var strength = request.SkinToneStrength!.Value;
        var target = face.Race == Race.W ? SkinTarget.Darker : SkinTarget.Lighter;
        byte[] png;
        try
        {
            var normalised = normaliser.Normalise(await BytesAsync(face.OriginalSha256, cancellationToken), new NormaliseOptions(study.ImageSize, study.Greyscale));
            using var aligned = SKBitmap.Decode(normalised.Png) ?? throw new ImageRejectedException(ImageRejectionReason.Corrupt, "The normalised face did not decode.");
            using var edited = skinTone.Edit(aligned, normalised.Aligned, new SkinToneOptions(strength, target, request.Seed));
            png = Png(edited, study.Greyscale);
        }
        catch (Exception e) when (e is ImageRejectedException or ArgumentException)
        {
            progress.Fail(new GenerationFailure(face.Label, Condition.SkinTone, BuiltInEditor, e.Message));
            await progress.FlushAsync(cancellationToken);
            return;
        }

        var parameters = JsonSerializer.Serialize(new
        {
            strength,
            target = face.Race == Race.W ? "darker" : "lighter",
            step = SkinTarget.Step,
            size = study.ImageSize,
            greyscale = study.Greyscale,
            margin = new NormaliseOptions().Margin,
            source = face.OriginalSha256,
        }, GenerationRequest.Json);
        await SaveAsync(studyId, face, Condition.SkinTone, BuiltInEditor, null, parameters, request.Seed, png, progress, cancellationToken);
        await progress.FlushAsync(cancellationToken);
    }

    /// <summary>
    /// The face aligned as the editor expects (its margin, at its input size when square), the image it came from and the
    /// face found there; null with the failure recorded.
    /// </summary>
    private async Task<(Face, SKBitmap, string, FaceDetection)?> AlignedInputAsync(Face face, OnnxEditor editor, Source source, Dictionary<Guid, string> skinToneImages,
        Progress progress, CancellationToken cancellationToken)
    {
        string sha = face.OriginalSha256;
        if (source.Chained && !skinToneImages.TryGetValue(face.Id, out sha!))
        {
            progress.Fail(new GenerationFailure(face.Label, source.Condition, source.Name, "There is no SkinTone variant of this face to apply the age editor to; generate or import one first."));
            return null;
        }
        try
        {
            var input = editor.Manifest.Input!;
            var size = input.Width == input.Height ? input.Width : Math.Max(input.Width, input.Height);
            var options = new NormaliseOptions(Math.Clamp(size, NormaliseOptions.MinSize, NormaliseOptions.MaxSize), false, editor.Manifest.Alignment.Margin);
            var normalised = normaliser.Normalise(await BytesAsync(sha, cancellationToken), options);
            var bitmap = SKBitmap.Decode(normalised.Png) ?? throw new ImageRejectedException(ImageRejectionReason.Corrupt, "The normalised face did not decode.");
            return (face, bitmap, sha, normalised.Source);
        }
        catch (Exception e) when (e is ImageRejectedException or ArgumentException)
        {
            progress.Fail(new GenerationFailure(face.Label, source.Condition, source.Name, (source.Chained ? "Its SkinTone variant: " : "") + e.Message));
            return null;
        }
    }

    private async Task EditAndSaveAsync(Guid studyId, StudyShape study, Source source, OnnxEditor editor, GenerationRequest request,
        List<(Face Face, SKBitmap Aligned, string From, FaceDetection Found)> inputs, Progress progress, CancellationToken cancellationToken)
    {
        if (inputs.Count == 0)
            return;
        var strength = editor.EffectiveStrength(request.EditorStrength);
        var studyFrame = new NormaliseOptions(study.ImageSize, study.Greyscale);
        // An editor that crops differently from the Original keeps its own size and colour until it is put into the
        // Original's frame, so the face is resampled once.
        var reframe = editor.Manifest.Alignment.Margin != studyFrame.Margin;
        IReadOnlyList<SKBitmap> outputs;
        try
        {
            outputs = reframe
                ? editor.EditToSize([.. inputs.Select(i => i.Aligned)], inputs[0].Aligned.Width, greyscale: false, strength)
                : editor.EditToSize([.. inputs.Select(i => i.Aligned)], study.ImageSize, study.Greyscale, strength);
        }
        catch (Exception e) when (inputs.Count > 1 && e is OnnxEditorException or OnnxRuntimeException)
        {
            // One face may have failed the whole batch: run them one by one so only that face is marked.
            foreach (var input in inputs)
                await EditAndSaveAsync(studyId, study, source, editor, request, [input], progress, cancellationToken);
            return;
        }
        catch (Exception e) when (e is OnnxEditorException or OnnxRuntimeException)
        {
            progress.Fail(new GenerationFailure(inputs[0].Face.Label, source.Condition, source.Name, e.Message));
            return;
        }

        for (var i = 0; i < inputs.Count; i++)
        {
            byte[] png;
            using (outputs[i])
            {
                if (!reframe)
                {
                    png = Png(outputs[i], study.Greyscale);
                }
                else
                {
                    // The editor saw a different crop: put its output where the Original's face is. The photo is read
                    // again rather than kept from the alignment, so a batch never holds its full-size photos at once.
                    using var photo = decoder.Decode(await BytesAsync(inputs[i].From, cancellationToken));
                    using var framed = FaceNormaliser.IntoStudyFrame(outputs[i], photo.Bitmap, inputs[i].Found, editor.Manifest.Alignment.Margin, studyFrame);
                    png = Png(framed, study.Greyscale);
                }
            }
            var parameters = JsonSerializer.Serialize(new
            {
                strength,
                size = study.ImageSize,
                greyscale = study.Greyscale,
                margin = editor.Manifest.Alignment.Margin,
                source = inputs[i].From,
                device = editor.Device.ToString(),
                manifest = JsonDocument.Parse(editor.Manifest.ToJson()).RootElement,
            }, GenerationRequest.Json);
            await SaveAsync(studyId, inputs[i].Face, source.Condition, source.Name, editor.ModelSha256, parameters, request.Seed, png, progress, cancellationToken);
        }
    }

    private async Task SaveAsync(Guid studyId, Face face, Condition condition, string editor, string? modelSha256, string parameters, int seed,
        byte[] png, Progress progress, CancellationToken cancellationToken)
    {
        var sha = await blobs.PutAsync(png, "image/png", cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.Variants.AnyAsync(v => v.SourceFaceId == face.Id && v.Condition == condition, cancellationToken))
        {
            progress.Skip();
            return;
        }
        db.Variants.Add(new Variant
        {
            Id = Guid.CreateVersion7(),
            StudyId = studyId,
            SourceFaceId = face.Id,
            Condition = condition,
            ImageSha256 = sha,
            Editor = editor.Length <= 200 ? editor : editor[..200],
            ModelSha256 = modelSha256,
            ParametersJson = parameters,
            Seed = seed,
            Node = Environment.MachineName,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            progress.Create();
        }
        catch (DbUpdateException)
        {
            if (!await ExistsAsync(face.Id, condition, cancellationToken))
                throw;
            // Another run wrote this (face, condition) between our check and our insert: the unique index kept one.
            logger.LogInformation("Variant {Condition} of face {FaceId} was made concurrently; keeping the stored one", condition, face.Id);
            progress.Skip();
        }
    }

    private async Task<bool> ExistsAsync(Guid faceId, Condition condition, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Variants.AnyAsync(v => v.SourceFaceId == faceId && v.Condition == condition, cancellationToken);
    }

    private async Task<byte[]> BytesAsync(string sha256, CancellationToken cancellationToken) =>
        (await blobs.GetAsync(sha256, cancellationToken))?.Data
        ?? throw new ImageRejectedException(ImageRejectionReason.Empty, $"The stored file {sha256[..12]}… is missing from the blob store.");

    private static byte[] Png(SKBitmap bitmap, bool greyscale)
    {
        using var grey = greyscale && bitmap.ColorType != SKColorType.Gray8 ? Greyscale.ToGray8(bitmap) : null;
        using var data = (grey ?? bitmap).Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    private sealed record StudyShape(int ImageSize, bool Greyscale);

    private sealed record Face(Guid Id, string Label, Race Race, string OriginalSha256);

    private sealed record Source(Condition Condition, string Name, VariantEditor? Editor, bool Chained);

    /// <summary>The run's counters and failures, written to its row after each face or batch.</summary>
    private sealed class Progress(IDbContextFactory<PainBiasDbContext> contexts, TimeProvider clock, Guid runId)
    {
        private readonly List<GenerationFailure> failures = [];

        public int Created { get; private set; }

        public int Skipped { get; private set; }

        public int Failed => failures.Count;

        public void Create() => Created++;

        public void Skip() => Skipped++;

        public void Fail(GenerationFailure failure) => failures.Add(failure);

        public async Task StartAsync(int total, CancellationToken cancellationToken)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var now = clock.GetUtcNow().UtcDateTime;
            await db.GenerationRuns.Where(r => r.Id == runId).ExecuteUpdateAsync(s => s
                .SetProperty(r => r.State, GenerationState.Running)
                .SetProperty(r => r.Total, total)
                .SetProperty(r => r.StartedAt, now)
                .SetProperty(r => r.FinishedAt, (DateTime?)null)
                .SetProperty(r => r.Error, (string?)null)
                .SetProperty(r => r.Node, Environment.MachineName), cancellationToken);
            await FlushAsync(cancellationToken);
        }

        public async Task SkipAsync(int count, CancellationToken cancellationToken)
        {
            Skipped += count;
            await FlushAsync(cancellationToken);
        }

        public Task FlushAsync(CancellationToken cancellationToken) => WriteAsync(null, null, cancellationToken);

        public async Task WriteAsync(GenerationState? state, string? error, CancellationToken cancellationToken)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var json = failures.Count == 0 ? null : JsonSerializer.Serialize(failures, GenerationRequest.Json);
            var (created, skipped, failed) = (Created, Skipped, Failed);
            DateTime? finished = state is GenerationState.Finished or GenerationState.Failed ? clock.GetUtcNow().UtcDateTime : null;
            if (state is { } s)
            {
                await db.GenerationRuns.Where(r => r.Id == runId).ExecuteUpdateAsync(u => u
                    .SetProperty(r => r.State, s).SetProperty(r => r.Error, error).SetProperty(r => r.FinishedAt, finished)
                    .SetProperty(r => r.Created, created).SetProperty(r => r.Skipped, skipped).SetProperty(r => r.Failed, failed)
                    .SetProperty(r => r.FailuresJson, json), cancellationToken);
                return;
            }
            await db.GenerationRuns.Where(r => r.Id == runId).ExecuteUpdateAsync(u => u
                .SetProperty(r => r.Created, created).SetProperty(r => r.Skipped, skipped).SetProperty(r => r.Failed, failed)
                .SetProperty(r => r.FailuresJson, json), cancellationToken);
        }
    }
}
