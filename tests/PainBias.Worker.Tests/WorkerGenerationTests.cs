using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PainBias.Core.Domain;
using PainBias.Data;
using PainBias.Data.Blobs;
using PainBias.Data.Entities;
using PainBias.Jobs.Generation;
using PainBias.TestSupport;

namespace PainBias.Worker.Tests;

/// <summary>The worker's own composition on PostgreSQL: its gpu-queue server picks up a generation run queued as the web queues it.</summary>
public class WorkerGenerationTests
{
    [Fact]
    public async Task A_worker_on_the_gpu_queue_runs_a_queued_generation_against_PostgreSQL()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        Guid studyId;
        var blobs = new DatabaseBlobStore(database.Contexts);
        await using (var db = await database.ContextAsync())
        {
            var owner = await TestData.AddUserAsync(db, "owner@example.org");
            var study = new Study { Id = Guid.NewGuid(), Name = "W", OwnerId = owner.Id, CreatedAt = DateTime.UtcNow, ImageSize = 128 };
            db.Studies.Add(study);
            foreach (var (label, file, race) in new[] { ("hopper", "hopper.jpg", Race.W), ("salley", "John_Salley_000179_02159509.jpg", Race.B) })
            {
                var sha = await blobs.PutAsync(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "faces", file)), "image/jpeg", CancellationToken.None);
                var face = new SourceFace { Id = Guid.NewGuid(), StudyId = study.Id, Label = label, Race = race, OriginalSha256 = sha, CreatedAt = DateTime.UtcNow };
                db.SourceFaces.Add(face);
                db.Variants.Add(new Variant { Id = Guid.NewGuid(), StudyId = study.Id, SourceFaceId = face.Id, Condition = Condition.Original, ImageSha256 = sha, Editor = "original", CreatedAt = DateTime.UtcNow });
            }
            await db.SaveChangesAsync();
            studyId = study.Id;
        }

        await using var worker = new WebApplicationFactory<Program>().WithWebHostBuilder(host =>
        {
            host.UseSetting("ConnectionStrings:PainBias", database.Resolved.ConnectionString);
            host.UseSetting("Jobs:Queues:0", "gpu");
            host.UseSetting("Jobs:Queues:1", "default");
        });
        // Resolving starts the host, and with it the worker's Hangfire servers.
        Guid runId;
        await using (var scope = worker.Services.CreateAsyncScope())
        {
            Assert.NotNull(scope.ServiceProvider.GetRequiredService<GenerateVariantsJob>());
            runId = await scope.ServiceProvider.GetRequiredService<VariantGenerationQueue>().EnqueueAsync(studyId, new GenerationRequest(SkinToneStrength: 0.6, Seed: 3), CancellationToken.None);
        }

        GenerationRun run;
        var deadline = DateTime.UtcNow.AddMinutes(3);
        do
        {
            await Task.Delay(500);
            await using var db = await database.ContextAsync();
            run = await db.GenerationRuns.AsNoTracking().SingleAsync(r => r.Id == runId);
        }
        while (run.State != GenerationState.Finished && DateTime.UtcNow < deadline);

        Assert.Equal((GenerationState.Finished, 2, 0, Environment.MachineName), (run.State, run.Created, run.Failed, run.Node));
        await using var read = await database.ContextAsync();
        var variants = await read.Variants.AsNoTracking().Where(v => v.StudyId == studyId && v.Condition == Condition.SkinTone).ToListAsync();
        Assert.Equal(2, variants.Count);
        Assert.All(variants, v => Assert.Equal((GenerateVariantsJob.BuiltInEditor, 3), (v.Editor, v.Seed)));
    }
}
