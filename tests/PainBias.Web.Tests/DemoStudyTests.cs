using System.Net;
using System.Net.Http.Json;
using PainBias.Data;
using PainBias.Web.Features.Demo;
using PainBias.Web.Features.Studies;

namespace PainBias.Web.Tests;

public class DemoStudyTests
{
    [Fact]
    public async Task First_embedded_run_seeds_the_demo_study_from_the_shipped_faces_once()
    {
        var overrides = new Dictionary<string, string?> { ["Demo:Seed"] = "true" };
        var database = await TestSupport.TestDatabase.CreateAsync(DatabaseProvider.Sqlite, migrate: false);
        var expected = DemoFaces.Read(Path.Combine(AppContext.BaseDirectory, "DemoData"));
        await using (var first = new PainBiasWebFactory(database, overrides, ownsDatabase: false))
        {
            var admin = await first.SignInAsync(PainBiasWebFactory.AdminEmail, PainBiasWebFactory.AdminPassword);
            var studies = await admin.GetFromJsonAsync<List<StudySummary>>("/api/studies");
            var demo = Assert.Single(studies!, s => s.IsDemo);
            Assert.Equal(DemoStudySeeder.StudyName, demo.Name);
            Assert.Equal(expected.Count, demo.Faces);

            var details = await admin.GetFromJsonAsync<StudyDetails>($"/api/studies/{demo.Id}");
            Assert.Equal(expected.Select(f => f.Label).Order(), details!.Faces.Select(f => f.Label).Order());
            Assert.Contains(details.Faces, f => f.Race == Core.Domain.Race.B);
            var image = await admin.GetAsync($"/images/{details.Faces[0].OriginalSha256}");
            Assert.Equal(HttpStatusCode.OK, image.StatusCode);
            Assert.StartsWith("image/", image.Content.Headers.ContentType!.MediaType);

            // The page a newcomer lands on lists it.
            Assert.Contains(DemoStudySeeder.StudyName, await admin.GetStringAsync("/studies"));
        }

        // A restart on the same data folder does not seed a second copy.
        var again = new PainBiasWebFactory(database, overrides);
        var client = await again.SignInAsync(PainBiasWebFactory.AdminEmail, PainBiasWebFactory.AdminPassword);
        Assert.Single((await client.GetFromJsonAsync<List<StudySummary>>("/api/studies"))!, s => s.IsDemo);
        await again.DisposeAsync();
    }

    [Fact]
    public async Task The_demo_study_gets_skin_tone_variants_of_its_faces_from_the_generation_job()
    {
        // The embedded shape: the web process runs the jobs (gpu queue included) on its SQLite Hangfire storage.
        await using var factory = await PainBiasWebFactory.CreateAsync(DatabaseProvider.Sqlite,
            new Dictionary<string, string?> { ["Demo:Seed"] = "true", ["Jobs:RunServer"] = "true", ["Jobs:Queues:0"] = "gpu" });
        var admin = await factory.SignInAsync(PainBiasWebFactory.AdminEmail, PainBiasWebFactory.AdminPassword);
        var demo = Assert.Single((await admin.GetFromJsonAsync<List<StudySummary>>("/api/studies"))!, s => s.IsDemo);

        var json = new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };
        var deadline = DateTime.UtcNow.AddMinutes(4);
        Features.VariantGeneration.GenerationView? view;
        do
        {
            await Task.Delay(500);
            view = await admin.GetFromJsonAsync<Features.VariantGeneration.GenerationView>($"/api/studies/{demo.Id}/variants", json);
        }
        while (view!.Runs.FirstOrDefault()?.State is not Data.Entities.GenerationState.Finished && DateTime.UtcNow < deadline);

        var run = Assert.Single(view.Runs);
        Assert.Equal((Data.Entities.GenerationState.Finished, demo.Faces, demo.Faces, 0), (run.State, run.Total, run.Created, run.Failed));
        var skin = view.Variants.Where(v => v.Condition == Core.Domain.Condition.SkinTone).ToList();
        Assert.Equal(demo.Faces, skin.Count);
        Assert.All(skin, v => Assert.Equal("builtin-skin-tone", v.Editor));
        Assert.Equal(demo.Faces, view.Variants.Count(v => v.Condition == Core.Domain.Condition.Original));
    }

    [Fact]
    public async Task No_demo_study_on_PostgreSQL()
    {
        await using var factory = await PainBiasWebFactory.CreateAsync(DatabaseProvider.Postgres,
            new Dictionary<string, string?> { ["Demo:Seed"] = "true" });
        var admin = await factory.SignInAsync(PainBiasWebFactory.AdminEmail, PainBiasWebFactory.AdminPassword);
        Assert.Empty((await admin.GetFromJsonAsync<List<StudySummary>>("/api/studies"))!);
    }
}
