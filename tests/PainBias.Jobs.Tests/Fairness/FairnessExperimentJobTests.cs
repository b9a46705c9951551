using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using PainBias.Core.Domain;
using PainBias.Core.Fairness;
using PainBias.Data;
using PainBias.Data.Blobs;
using PainBias.Data.Entities;
using PainBias.Imaging.Decoding;
using PainBias.Imaging.Features;
using PainBias.Imaging.Inference;
using PainBias.Jobs.Fairness;
using PainBias.TestSupport;

namespace PainBias.Jobs.Tests.Fairness;

/// <summary>Feature caching with the real ResNet18 file, and the experiment job on cached features and stored ratings, on both databases.</summary>
public class FairnessExperimentJobTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers;

    private static readonly Lazy<ResNet18Featurizer> ResNet = new(() =>
        new ResNet18Featurizer(new OnnxSessionFactory(new InferenceOptions { PreferCuda = false }), new ResNet18Options()));

    private static FeatureExtractionJob Features(TestDatabase database, IImageFeaturizer featurizer) =>
        new(database.Contexts, new DatabaseBlobStore(database.Contexts), new ImageDecoder(), featurizer, TimeProvider.System, NullLogger<FeatureExtractionJob>.Instance);

    private static FairnessExperimentJob Experiment(TestDatabase database) =>
        new(database.Contexts, TimeProvider.System, NullLogger<FairnessExperimentJob>.Instance);

    private static async Task<Guid> AddRunAsync(TestDatabase database, Guid studyId, int folds = 5, string? modelSha = null)
    {
        await using var db = await database.ContextAsync();
        var run = new FairnessRun { Id = Guid.NewGuid(), StudyId = studyId, Folds = folds, Seed = 3, CreatedBy = "test", CreatedAt = DateTime.UtcNow, FeatureModelSha256 = modelSha };
        db.FairnessRuns.Add(run);
        await db.SaveChangesAsync();
        return run.Id;
    }

    private static async Task<FairnessRun> ReadAsync(TestDatabase database, Guid id)
    {
        await using var db = await database.ContextAsync();
        return await db.FairnessRuns.AsNoTracking().SingleAsync(r => r.Id == id);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Features_are_computed_once_per_image_and_model(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        // Face 1's age variant reuses its original's image: one image, one cached vector.
        var study = await FairnessStudy.AddAsync(database, 2, (f, c) => (byte)(f == 1 && c == Condition.Age ? 140 : 40 + (f * 100) + ((int)c * 20)));
        var runId = await AddRunAsync(database, study.StudyId);
        var job = Features(database, ResNet.Value);

        Assert.Equal(7, await job.RunAsync(study.StudyId, runId, CancellationToken.None));
        Assert.Equal(0, await job.RunAsync(study.StudyId, runId, CancellationToken.None));

        await using var db = await database.ContextAsync();
        var rows = await db.ImageFeatures.AsNoTracking().ToListAsync();
        Assert.Equal(7, rows.Count);
        Assert.All(rows, r => Assert.Equal((512, ResNet.Value.ModelSha256, "resnet18"), (r.Dimensions, r.ModelSha256, r.Extractor)));
        // The cached bytes are the featurizer's vector for that image.
        var original = study.Variants.First(v => v.Condition == Condition.Original);
        using var image = new ImageDecoder().Decode(FairnessStudy.Png(40));
        Assert.Equal(ResNet.Value.Extract(image.Bitmap), rows.Single(r => r.ImageSha256 == original.ImageSha256).ToVector());
        Assert.Equal(ResNet.Value.ModelSha256, (await ReadAsync(database, runId)).FeatureModelSha256);
    }

    /// <summary>Features [base, perceived black]; each variant rated base + 2·(looks black), so the Original model learns a shift of 2.</summary>
    private static async Task<(FairnessStudy Study, string Model)> SeedShiftAsync(TestDatabase database, int faces)
    {
        var study = await FairnessStudy.AddAsync(database, faces, (f, c) => (byte)(10 + (f * 8) + ((int)c * 2)), f => (Race)(f % 2));
        const string model = "0000000000000000000000000000000000000000000000000000000000000001";
        await using var db = await database.ContextAsync();
        foreach (var v in study.Variants)
        {
            var face = study.Faces.Single(f => f.Id == v.SourceFaceId);
            var index = study.Faces.ToList().IndexOf(face);
            var black = v.Condition.PerceivedRace(face.Race) == Race.B ? 1 : 0;
            var baseline = 2 + (index % 5) * 2;
            FairnessStudy.Rate(db, v, baseline + (2 * black), baseline + (2 * black));
            db.ImageFeatures.Add(new ImageFeature
            {
                Id = Guid.NewGuid(), ImageSha256 = v.ImageSha256, ModelSha256 = model, Extractor = "test", Dimensions = 2,
                Values = ImageFeature.ToBytes(new float[] { baseline, black }), CreatedAt = DateTime.UtcNow,
            });
        }

        // An excluded rating never counts.
        TestRatings.Add(db, study.Variants[0], TestData.AddWorker(db), AuRating.Create(5, 5, 5, 5, 5, 1), DateTime.UtcNow, included: false);
        await db.SaveChangesAsync();
        return (study, model);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task The_experiment_stores_the_four_conditions_with_the_learnt_skin_tone_shift(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (study, model) = await SeedShiftAsync(database, 10);
        var runId = await AddRunAsync(database, study.StudyId, modelSha: model);

        await Experiment(database).RunAsync(runId, CancellationToken.None);

        var run = await ReadAsync(database, runId);
        Assert.True(run.Status == AnalysisStatus.Succeeded, run.Error);
        Assert.Equal(1, run.Progress);
        var result = JsonSerializer.Deserialize<FairnessExperimentResult>(run.ResultJson!, FairnessJson.Options)!;
        Assert.Equal(["Original", "Average", "Auto", "Average + Auto"], result.Rows.Select(r => r.Name));
        Assert.Equal((40, 10, 2), (result.Images, result.Faces, result.Features));
        var original = result.Rows[0];
        Assert.True(original.TestMse < 1e-3, $"test MSE {original.TestMse}");
        Assert.Equal(2, original.SkinTone.Value!.Value, 2);
        Assert.Equal(0, original.Age.Value!.Value, 6);
        // Average labels share the pair mean, so the averaged model ignores skin tone.
        Assert.True(result.Rows[1].SkinTone.Value < 0.05, $"Average IF {result.Rows[1].SkinTone.Value}");
        Assert.Equal(12.5, original.SkinTone.ValuePercent!.Value, 0);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Too_few_faces_or_a_missing_counterpart_fail_the_run_with_the_face_named(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (study, model) = await SeedShiftAsync(database, 4);
        var few = await AddRunAsync(database, study.StudyId, modelSha: model);
        await Experiment(database).RunAsync(few, CancellationToken.None);
        var failed = await ReadAsync(database, few);
        Assert.Equal(AnalysisStatus.Failed, failed.Status);
        Assert.Null(failed.ResultJson);
        Assert.Equal("5-fold cross-validation needs at least 5 source faces; there are 4.", failed.Error);

        await using (var db = await database.ContextAsync())
        {
            var skin = study.Variants.Single(v => v.SourceFaceId == study.Faces[2].Id && v.Condition == Condition.SkinTone);
            await db.Assessments.Where(a => a.VariantId == skin.Id).ExecuteDeleteAsync();
            await db.Reservations.Where(a => a.VariantId == skin.Id).ExecuteDeleteAsync();
            await db.Variants.Where(v => v.Id == skin.Id).ExecuteDeleteAsync();
        }

        var missing = await AddRunAsync(database, study.StudyId, folds: 2, modelSha: model);
        await Experiment(database).RunAsync(missing, CancellationToken.None);
        Assert.Equal("1 face(s) lack counterparts: face 'S002' has no SkinTone.", (await ReadAsync(database, missing)).Error);
    }
}
