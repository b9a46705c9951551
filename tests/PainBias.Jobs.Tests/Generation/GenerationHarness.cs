using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using PainBias.Core.Domain;
using PainBias.Data;
using PainBias.Data.Blobs;
using PainBias.Data.Entities;
using PainBias.Imaging.Decoding;
using PainBias.Imaging.Editing;
using PainBias.Imaging.Editing.Onnx;
using PainBias.Imaging.Faces;
using PainBias.Imaging.Inference;
using PainBias.Imaging.Normalisation;
using PainBias.Jobs.Generation;
using PainBias.TestSupport;

namespace PainBias.Jobs.Tests.Generation;

/// <summary>A study of real fixture photos on a test database, the job wired as a host wires it, recording what it queues.</summary>
internal sealed class GenerationHarness : IAsyncDisposable
{
    public static readonly OnnxSessionFactory Cpu = new(new InferenceOptions { PreferCuda = false });
    private static readonly Lazy<BlazeFaceDetector> Detector = new(() => new BlazeFaceDetector(Cpu));
    public static readonly ImageDecoder Decoder = new();

    private GenerationHarness(TestDatabase database)
    {
        Database = database;
        Blobs = new DatabaseBlobStore(database.Contexts);
        Editors = new OnnxEditorSessions(Cpu);
    }

    public TestDatabase Database { get; }

    public IBlobStore Blobs { get; }

    public RecordingJobClient Jobs { get; } = new();

    public OnnxEditorSessions Editors { get; }

    public Guid StudyId { get; private set; }

    public Dictionary<string, Guid> Faces { get; } = [];

    public static FaceNormaliser Normaliser => new(Decoder, Detector.Value);

    public static byte[] Photo(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "faces", name));

    public static async Task<GenerationHarness> CreateAsync(DatabaseProvider provider, int imageSize = 128, bool greyscale = false,
        params (string Label, string File, Race Race)[] faces)
    {
        var harness = new GenerationHarness(await TestDatabase.CreateAsync(provider));
        await using var db = await harness.Database.ContextAsync();
        var owner = await TestData.AddUserAsync(db, "owner@example.org");
        var study = new Study { Id = Guid.NewGuid(), Name = "G", OwnerId = owner.Id, CreatedAt = DateTime.UtcNow, ImageSize = imageSize, Greyscale = greyscale };
        db.Studies.Add(study);
        await db.SaveChangesAsync();
        harness.StudyId = study.Id;
        foreach (var (label, file, race) in faces)
            await harness.AddFaceAsync(db, label, Photo(file), race);
        return harness;
    }

    public async Task AddFaceAsync(PainBiasDbContext db, string label, byte[] original, Race race)
    {
        var sha = await Blobs.PutAsync(original, "image/jpeg", CancellationToken.None);
        var face = new SourceFace { Id = Guid.NewGuid(), StudyId = StudyId, Label = label, Race = race, OriginalSha256 = sha, CreatedAt = DateTime.UtcNow };
        db.SourceFaces.Add(face);
        db.Variants.Add(new Variant { Id = Guid.NewGuid(), StudyId = StudyId, SourceFaceId = face.Id, Condition = Condition.Original, ImageSha256 = sha, Editor = "original", CreatedAt = DateTime.UtcNow });
        await db.SaveChangesAsync();
        Faces[label] = face.Id;
    }

    public async Task<VariantEditor> AddEditorAsync(OnnxEditorManifest manifest, byte[] model)
    {
        await using var db = await Database.ContextAsync();
        var editor = new VariantEditor
        {
            Id = Guid.NewGuid(), StudyId = StudyId, Name = manifest.Name, Condition = manifest.Produces, ManifestJson = manifest.ToJson(),
            ModelSha256 = await Blobs.PutAsync(model, "application/onnx", CancellationToken.None), CreatedAt = DateTime.UtcNow,
        };
        db.VariantEditors.Add(editor);
        await db.SaveChangesAsync();
        return editor;
    }

    public GenerateVariantsJob Job() => new(
        Database.Contexts, Blobs, Normaliser, Decoder, new SkinToneEditor(), Editors, Jobs, TimeProvider.System,
        NullLogger<GenerateVariantsJob>.Instance);

    /// <summary>A queued run, as the web's handler records it (without queuing the job: the test runs it).</summary>
    public async Task<Guid> AddRunAsync(GenerationRequest request)
    {
        await using var db = await Database.ContextAsync();
        var run = new GenerationRun { Id = Guid.NewGuid(), StudyId = StudyId, RequestJson = request.ToJson(), RequestedAt = DateTime.UtcNow };
        db.GenerationRuns.Add(run);
        await db.SaveChangesAsync();
        return run.Id;
    }

    public async Task<GenerationRun> RunRowAsync(Guid runId)
    {
        await using var db = await Database.ContextAsync();
        return await db.GenerationRuns.AsNoTracking().SingleAsync(r => r.Id == runId);
    }

    public async Task<List<Variant>> VariantsAsync(Condition condition)
    {
        await using var db = await Database.ContextAsync();
        return await db.Variants.AsNoTracking().Where(v => v.StudyId == StudyId && v.Condition == condition).ToListAsync();
    }

    public async Task<byte[]> BytesAsync(string sha) => (await Blobs.GetAsync(sha, CancellationToken.None))!.Data;

    /// <summary>The job types queued on <paramref name="queue"/>.</summary>
    public List<string> Queued(string queue) =>
        [.. Jobs.Created.Where(c => c.State is Hangfire.States.EnqueuedState e && e.Queue == queue).Select(c => c.Job.Type.Name)];

    public async ValueTask DisposeAsync()
    {
        Editors.Dispose();
        await Database.DisposeAsync();
    }
}
