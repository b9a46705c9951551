using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PainBias.Core.Domain;
using PainBias.Data;
using PainBias.Data.Blobs;
using PainBias.Data.Entities;
using PainBias.Imaging.Decoding;
using PainBias.Imaging.Editing;
using PainBias.Imaging.Faces;
using PainBias.Imaging.Inference;
using PainBias.Imaging.Normalisation;
using PainBias.Imaging.Quality.Onnx;
using PainBias.Jobs.Quality;
using PainBias.TestSupport;
using PainBias.TestSupport.Onnx;
using SkiaSharp;

namespace PainBias.Jobs.Tests.Quality;

/// <summary>The study check job on real photos, BlazeFace, test-built check models and both databases.</summary>
public class QualityCheckJobTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers;

    private static readonly OnnxSessionFactory Cpu = new(new InferenceOptions { PreferCuda = false });
    private static readonly Lazy<BlazeFaceDetector> Detector = new(() => new BlazeFaceDetector(Cpu));
    private static readonly ImageDecoder Decoder = new();

    private static byte[] Photo(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "faces", name));

    private static (byte[] Png, FaceDetection Face) Normalised(string name, int size = 256)
    {
        var normalised = new FaceNormaliser(Decoder, Detector.Value).Normalise(Photo(name), new NormaliseOptions(size));
        return (normalised.Png, normalised.Aligned);
    }

    private static byte[] Png(SKBitmap bitmap)
    {
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    private static QualityCheckJob Job(TestDatabase database, QualityModelSessions? sessions = null) => new(
        database.Contexts, new DatabaseBlobStore(database.Contexts), Decoder, Detector.Value, new FaceNormaliser(Decoder, Detector.Value),
        sessions ?? new QualityModelSessions(Cpu), Options.Create(new QualityOptions()), TimeProvider.System, NullLogger<QualityCheckJob>.Instance);

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Each_variant_gets_one_verdict_with_its_reasons_and_a_rerun_only_rechecks_what_changed(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (hopper, hopperFace) = Normalised("hopper.jpg");
        using var hopperBitmap = SKBitmap.Decode(hopper);
        using var darker = new SkinToneEditor().Edit(hopperBitmap, hopperFace, new SkinToneOptions(0.6, SkinTarget.Darker));
        using var blank = new SKBitmap(256, 256);
        blank.Erase(SKColors.Gray);
        var (simmNormalised, _) = Normalised("John_Simm_000288_00470387.jpg", 192);

        Guid studyId, skin, other, noFace, resized;
        var blobs = new DatabaseBlobStore(database.Contexts);
        await using (var db = await database.ContextAsync())
        {
            var owner = await TestData.AddUserAsync(db, "owner@example.org");
            var study = new Study { Id = Guid.NewGuid(), Name = "Q", OwnerId = owner.Id, CreatedAt = DateTime.UtcNow, Greyscale = false };
            db.Studies.Add(study);
            await db.SaveChangesAsync();
            studyId = study.Id;
            var first = await AddFaceAsync(db, blobs, studyId, "S1", hopper);
            skin = await AddVariantAsync(db, blobs, first, Condition.SkinTone, Png(darker));
            other = await AddVariantAsync(db, blobs, first, Condition.Age, Normalised("Tom_Cruise_avp_2014_4.jpg").Png);
            noFace = await AddVariantAsync(db, blobs, first, Condition.SkinToneAge, Png(blank));
            // The original as uploaded (a photo of another size): the variant is compared with it normalised to its side.
            var second = await AddFaceAsync(db, blobs, studyId, "S2", Photo("John_Simm_000288_00470387.jpg"));
            resized = await AddVariantAsync(db, blobs, second, Condition.SkinTone, simmNormalised);
        }

        var job = Job(database);
        Assert.Equal(4, await job.RunAsync(studyId, CancellationToken.None));
        Assert.Equal(0, await job.RunAsync(studyId, CancellationToken.None));

        Dictionary<Guid, QualityCheck> checks;
        await using (var read = await database.ContextAsync())
            checks = await read.QualityChecks.AsNoTracking().ToDictionaryAsync(c => c.VariantId);
        Assert.Equal(4, checks.Count);
        Assert.True(checks[skin].Passed, checks[skin].Reasons);
        Assert.InRange(checks[skin].Drift!.Value, 0, 0.05);
        Assert.False(checks[other].Passed);
        Assert.Contains("Detail similarity (SSIM)", checks[other].Reasons);
        Assert.False(checks[noFace].Passed);
        Assert.Null(checks[noFace].Drift);
        Assert.StartsWith("The variant image: No face was found", checks[noFace].Error);
        Assert.True(checks[resized].Passed, checks[resized].Reasons + checks[resized].Error);
        Assert.Equal(0, checks[resized].Drift!.Value, 6);
        Assert.Equal(1, checks[resized].Similarity!.Value, 6);

        // A check model changes the configuration: every pair is checked again, and its result is stored.
        await using (var db = await database.ContextAsync())
        {
            var model = TinyOnnxModels.ChannelMeanRegressor(PainBias.TestSupport.Onnx.TensorLayout.Nchw, 32, [1 / 3f, 1 / 3f, 1 / 3f], 0).ToBytes();
            var manifest = new QualityModelManifest
            {
                Name = "brightness-as-fake", Kind = QualityModelKind.DeepfakeDetector, Threshold = 0.45,
                Input = new QualityModelInput { Name = "input", Width = 32, Height = 32 }, Output = new QualityModelOutput { Name = "output" },
            };
            db.QualityModels.Add(new QualityModel
            {
                Id = Guid.NewGuid(), StudyId = studyId, Name = manifest.Name, Kind = manifest.Kind.ToString()!, ManifestJson = manifest.ToJson(),
                ModelSha256 = await blobs.PutAsync(model, "application/onnx", CancellationToken.None), CreatedAt = DateTime.UtcNow,
            });
            await db.SaveChangesAsync();
        }
        Assert.Equal(4, await job.RunAsync(studyId, CancellationToken.None));
        await using (var read = await database.ContextAsync())
        {
            var skinCheck = await read.QualityChecks.AsNoTracking().SingleAsync(c => c.VariantId == skin);
            var result = Assert.Single(JsonSerializer.Deserialize<List<ModelCheckResult>>(skinCheck.ModelResultsJson!, QualityModelManifest.Json)!);
            // The score is the variant's mean brightness in [0, 1]; the darker edit stays under the threshold only if the model saw it.
            var brightness = MeanBrightness(darker);
            Assert.InRange(result.Value, brightness - 0.02, brightness + 0.02);
            Assert.Equal(result.Passed, result.Value <= 0.45);
            Assert.Equal(skinCheck.Passed, result.Passed);
            Assert.Equal(4, await read.QualityChecks.CountAsync(c => c.StudyId == studyId));
        }

        // A replaced image is the only pair checked again.
        await using (var db = await database.ContextAsync())
        {
            var variant = await db.Variants.SingleAsync(v => v.Id == noFace);
            variant.ImageSha256 = await blobs.PutAsync(Png(darker), "image/png", CancellationToken.None);
            await db.SaveChangesAsync();
        }
        Assert.Equal(1, await job.RunAsync(studyId, CancellationToken.None));
        await using (var read = await database.ContextAsync())
            Assert.Null((await read.QualityChecks.AsNoTracking().SingleAsync(c => c.VariantId == noFace)).Error);
    }

    [Fact]
    public async Task A_check_model_that_no_longer_loads_fails_the_pairs_with_its_reason()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var (hopper, _) = Normalised("hopper.jpg");
        var blobs = new DatabaseBlobStore(database.Contexts);
        Guid studyId, variantId;
        await using (var db = await database.ContextAsync())
        {
            var owner = await TestData.AddUserAsync(db, "owner@example.org");
            var study = new Study { Id = Guid.NewGuid(), Name = "Q", OwnerId = owner.Id, CreatedAt = DateTime.UtcNow };
            db.Studies.Add(study);
            await db.SaveChangesAsync();
            studyId = study.Id;
            var face = await AddFaceAsync(db, blobs, studyId, "S1", hopper);
            variantId = await AddVariantAsync(db, blobs, face, Condition.SkinTone, hopper);
            // Stored before validation existed, say: the manifest names an input the model lacks.
            var manifest = new QualityModelManifest
            {
                Name = "arcface", Kind = QualityModelKind.FaceVerification, Threshold = 0.5,
                Input = new QualityModelInput { Name = "data", Width = 16, Height = 16 }, Output = new QualityModelOutput { Name = "embedding" },
            };
            db.QualityModels.Add(new QualityModel
            {
                Id = Guid.NewGuid(), StudyId = studyId, Name = "arcface", Kind = "FaceVerification", ManifestJson = manifest.ToJson(),
                ModelSha256 = await blobs.PutAsync(TinyOnnxModels.ChannelMeanEmbedding(PainBias.TestSupport.Onnx.TensorLayout.Nchw, 16).ToBytes(), "application/onnx", CancellationToken.None),
                CreatedAt = DateTime.UtcNow,
            });
            await db.SaveChangesAsync();
        }

        Assert.Equal(1, await Job(database).RunAsync(studyId, CancellationToken.None));

        await using var read = await database.ContextAsync();
        var check = await read.QualityChecks.SingleAsync(c => c.VariantId == variantId);
        Assert.False(check.Passed);
        Assert.Equal(0, check.Drift!.Value, 9);
        Assert.Contains("The check model 'arcface' could not be loaded: The model has no input named 'data'", check.Reasons);
    }

    private static double MeanBrightness(SKBitmap bitmap) =>
        bitmap.Pixels.Average(p => (p.Red + p.Green + p.Blue) / 3.0) / 255;

    private static async Task<SourceFace> AddFaceAsync(PainBiasDbContext db, IBlobStore blobs, Guid studyId, string label, byte[] original)
    {
        var sha = await blobs.PutAsync(original, "image/png", CancellationToken.None);
        var face = new SourceFace { Id = Guid.NewGuid(), StudyId = studyId, Label = label, OriginalSha256 = sha, CreatedAt = DateTime.UtcNow };
        db.SourceFaces.Add(face);
        db.Variants.Add(new Variant { Id = Guid.NewGuid(), StudyId = studyId, SourceFaceId = face.Id, Condition = Condition.Original, ImageSha256 = sha, Editor = "original", CreatedAt = DateTime.UtcNow });
        await db.SaveChangesAsync();
        return face;
    }

    private static async Task<Guid> AddVariantAsync(PainBiasDbContext db, IBlobStore blobs, SourceFace face, Condition condition, byte[] image)
    {
        var variant = new Variant
        {
            Id = Guid.NewGuid(), StudyId = face.StudyId, SourceFaceId = face.Id, Condition = condition,
            ImageSha256 = await blobs.PutAsync(image, "image/png", CancellationToken.None), Editor = "test", CreatedAt = DateTime.UtcNow,
        };
        db.Variants.Add(variant);
        await db.SaveChangesAsync();
        return variant.Id;
    }
}
