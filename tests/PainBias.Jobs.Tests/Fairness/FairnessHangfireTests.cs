using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PainBias.Core.Domain;
using PainBias.Data;
using PainBias.Data.Blobs;
using PainBias.Data.Entities;
using PainBias.Imaging.PainModels;
using PainBias.Imaging.Quality.Onnx;
using PainBias.Jobs.Fairness;
using PainBias.TestSupport;
using PainBias.TestSupport.Onnx;

namespace PainBias.Jobs.Tests.Fairness;

/// <summary>
/// The queued path on a real Hangfire server with both queues: features on gpu, then training on default as a
/// continuation, and an audit on gpu, each reaching its final status in the database.
/// </summary>
public class FairnessHangfireTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_run_and_an_audit_finish_through_the_queues(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var study = await FairnessStudy.AddAsync(database, 5, (f, c) => (byte)(30 + (f * 40) + ((int)c * 7)), f => (Race)(f % 2));
        await using (var db = await database.ContextAsync())
        {
            foreach (var v in study.Variants) FairnessStudy.Rate(db, v, 3 + ((int)v.Condition * 2), 4);
            await db.SaveChangesAsync();
        }

        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(database.Settings) { ["Jobs:WorkerCount"] = "1" });
        var resolved = builder.Services.AddPainBiasData(builder.Configuration);
        builder.Services.AddPainBiasJobs(builder.Configuration, resolved);
        using var host = builder.Build();
        await host.StartAsync();
        try
        {
            var jobs = host.Services.GetRequiredService<FairnessJobs>();
            var runId = await jobs.StartRunAsync(study.StudyId, 5, 11, null, null, "test", CancellationToken.None);
            var model = TinyOnnxModels.ChannelMeanRegressor(PainBias.TestSupport.Onnx.TensorLayout.Nchw, 16, [1 / 3f, 1 / 3f, 1 / 3f], 0).ToBytes();
            var manifest = new PainModelManifest
            {
                Name = "grey", Input = new QualityModelInput { Name = "input", Width = 16, Height = 16 }, Output = new QualityModelOutput { Name = "output" },
            };
            var sha = await host.Services.GetRequiredService<IBlobStore>().PutAsync(model, "application/onnx", CancellationToken.None);
            var auditId = await jobs.StartAuditAsync(study.StudyId, "grey", manifest.ToJson(), sha, "grey.onnx", "test", CancellationToken.None);

            var deadline = DateTime.UtcNow.AddMinutes(4);
            FairnessRun run;
            FairnessAudit audit;
            do
            {
                await Task.Delay(500);
                await using var db = await database.ContextAsync();
                run = await db.FairnessRuns.AsNoTracking().SingleAsync(r => r.Id == runId);
                audit = await db.FairnessAudits.AsNoTracking().SingleAsync(a => a.Id == auditId);
            }
            while (DateTime.UtcNow < deadline && (run.Status is not (AnalysisStatus.Succeeded or AnalysisStatus.Failed) || audit.Status is not (AnalysisStatus.Succeeded or AnalysisStatus.Failed)));

            Assert.True(run.Status == AnalysisStatus.Succeeded, $"{run.Status}: {run.Error}");
            Assert.NotNull(run.ResultJson);
            Assert.NotNull(run.FeatureModelSha256);
            Assert.True(audit.Status == AnalysisStatus.Succeeded, $"{audit.Status}: {audit.Error}");
            await using var read = await database.ContextAsync();
            Assert.Equal(20, await read.ImageFeatures.CountAsync());
        }
        finally
        {
            await host.StopAsync();
        }
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task An_unreadable_image_fails_the_run_and_training_leaves_it_failed(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var study = await FairnessStudy.AddAsync(database, 5, (f, c) => (byte)(30 + (f * 40) + ((int)c * 7)));
        var junk = await new DatabaseBlobStore(database.Contexts).PutAsync("not an image"u8.ToArray(), "image/png", CancellationToken.None);
        await using (var db = await database.ContextAsync())
            await db.Variants.Where(v => v.Id == study.Variants[5].Id).ExecuteUpdateAsync(s => s.SetProperty(v => v.ImageSha256, junk));

        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(database.Settings) { ["Jobs:WorkerCount"] = "1" });
        var resolved = builder.Services.AddPainBiasData(builder.Configuration);
        builder.Services.AddPainBiasJobs(builder.Configuration, resolved);
        using var host = builder.Build();
        await host.StartAsync();
        try
        {
            var runId = await host.Services.GetRequiredService<FairnessJobs>().StartRunAsync(study.StudyId, 5, 1, null, null, "test", CancellationToken.None);
            var deadline = DateTime.UtcNow.AddMinutes(4);
            FairnessRun run;
            do
            {
                await Task.Delay(500);
                await using var db = await database.ContextAsync();
                run = await db.FairnessRuns.AsNoTracking().SingleAsync(r => r.Id == runId);
            }
            while (DateTime.UtcNow < deadline && run.Status != AnalysisStatus.Failed);

            Assert.Equal(AnalysisStatus.Failed, run.Status);
            Assert.StartsWith($"Image {junk[..12]}… cannot be read:", run.Error);
            // The training continuation runs after the extraction and must not overwrite the reason.
            await Task.Delay(3000);
            await using var read = await database.ContextAsync();
            var after = await read.FairnessRuns.AsNoTracking().SingleAsync(r => r.Id == runId);
            Assert.Equal((AnalysisStatus.Failed, run.Error, null), (after.Status, after.Error, after.ResultJson));
        }
        finally
        {
            await host.StopAsync();
        }
    }
}
