using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PainBias.Core.Domain;
using PainBias.Data;
using PainBias.Web.Features.VariantImport;
using static PainBias.Web.Tests.VariantImport.ImportRequests;

namespace PainBias.Web.Tests.VariantImport;

public class VariantImportTests
{
    public static TheoryData<DatabaseProvider> Providers => TestSupport.TestDatabase.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_zip_with_its_manifest_becomes_variants_with_provenance_and_queues_the_check(DatabaseProvider provider)
    {
        await using var factory = await PainBiasWebFactory.CreateAsync(provider);
        var (client, _) = await factory.SignInNewResearcherAsync();
        var studyId = await StudyWithFacesAsync(client, ("S001", "John_Simm.jpg"), ("S002", "John_Salley.jpg"));
        var skin = AsPng(Face("John_Simm.jpg"));
        var age = Face("John_Salley.jpg");
        var zip = Zip(
            ("out/skin_S001.png", skin),
            ("out/age_S002.jpg", age),
            ("__MACOSX/out/._skin_S001.png", [0, 5, 22, 7]),
            ("manifest.csv", Csv("file;face;condition\r\nout/skin_S001.png;S001;skin\r\nage_S002.jpg;S002;AGE\r\n")));

        var response = await ImportAsync(client, studyId, ("styled.zip", zip));

        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var imported = (await response.Content.ReadFromJsonAsync<VariantImportEndpoints.ImportedVariants>())!.Variants;
        Assert.Equal([Condition.SkinTone, Condition.Age], imported.Select(v => v.Condition));
        await using var db = await factory.Database.ContextAsync();
        var variant = await db.Variants.AsNoTracking().SingleAsync(v => v.Id == imported[0].VariantId);
        var sha = Convert.ToHexStringLower(SHA256.HashData(skin));
        // Shown normalised like the Original; these pixels are S001's own photo, so the two images are the same.
        var original = await db.Variants.AsNoTracking().SingleAsync(v => v.SourceFaceId == variant.SourceFaceId && v.Condition == Condition.Original);
        Assert.Equal(("import", original.ImageSha256, (string?)null), (variant.Editor, variant.ImageSha256, variant.ModelSha256));
        using var parameters = JsonDocument.Parse(variant.ParametersJson!);
        Assert.Equal("skin_S001.png", parameters.RootElement.GetProperty("fileName").GetString());
        Assert.Equal(sha, parameters.RootElement.GetProperty("fileSha256").GetString());
        Assert.Equal(skin, (await db.Blobs.SingleAsync(b => b.Sha256 == sha)).Data);
        Assert.Equal("image/png", (await db.Blobs.SingleAsync(b => b.Sha256 == sha)).ContentType);
        Assert.Equal(4, await db.Variants.CountAsync(v => v.StudyId == studyId));

        var queued = factory.Services.GetRequiredService<JobStorage>().GetMonitoringApi().EnqueuedJobs("default", 0, 10);
        Assert.Contains(queued, j => j.Value.Job.Type.Name == "QualityCheckJob" && (Guid)j.Value.Job.Args[0] == studyId);
    }

    [Fact]
    public async Task Loose_files_with_face_ids_import_and_a_second_import_needs_replace()
    {
        await using var factory = await PainBiasWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        var (client, _) = await factory.SignInNewResearcherAsync();
        var studyId = await StudyWithFacesAsync(client, ("S001", "John_Simm.jpg"));
        var faceId = (await client.GetFromJsonAsync<Features.Studies.StudyDetails>($"/api/studies/{studyId}"))!.Faces[0].Id;
        var manifest = ("map.csv", Csv($"file,face,condition\nv.png,{faceId},skin_age\n"));

        var first = await ImportAsync(client, studyId, ("v.png", AsPng(Face("John_Simm.jpg"))), manifest);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var again = await ProblemsAsync(await ImportAsync(client, studyId, ("v.png", Face("John_Simm.jpg")), manifest));
        Assert.Contains("already has a skin_age variant (made by import)", Assert.Single(again["map.csv line 2"]));

        var replaced = await client.PostAsync($"/api/studies/{studyId}/variants/import", Form(true, ("v.png", Face("John_Simm.jpg")), manifest));
        Assert.Equal(HttpStatusCode.Created, replaced.StatusCode);
        await using var db = await factory.Database.ContextAsync();
        var variant = await db.Variants.SingleAsync(v => v.StudyId == studyId && v.Condition == Condition.SkinToneAge);
        var original = await db.Variants.SingleAsync(v => v.StudyId == studyId && v.Condition == Condition.Original);
        Assert.Equal(original.ImageSha256, variant.ImageSha256);
        using var parameters = JsonDocument.Parse(variant.ParametersJson!);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Face("John_Simm.jpg"))), parameters.RootElement.GetProperty("fileSha256").GetString());
    }

    [Fact]
    public async Task Every_problem_is_reported_by_item_and_nothing_is_stored()
    {
        await using var factory = await PainBiasWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        var (client, _) = await factory.SignInNewResearcherAsync();
        var studyId = await StudyWithFacesAsync(client, ("S001", "John_Simm.jpg"), ("S002", "John_Salley.jpg"));
        var good = AsPng(Face("John_Simm.jpg"));
        var zip = Zip(
            ("good.png", good),
            ("../escape.png", good),
            ("/etc/absolute.png", good),
            ("notes.png", "%PDF-1.7 not an image"u8.ToArray()),
            ("blank.png", Blank()),
            ("cut.jpg", Face("John_Salley.jpg")[..1500]),
            ("stray.png", good),
            ("dup.png", good),
            ("manifest.csv", Csv(string.Join("\n",
                "file,face,condition",
                "good.png,S001,skin",
                "notes.png,S002,skin",
                "blank.png,S002,age",
                "cut.jpg,S001,age",
                "missing.png,S001,skin_age",
                "dup.png,S404,skin",
                "dup.png,S002,older",
                "good.png,S002,original",
                ""))));
        int blobsBefore;
        await using (var db = await factory.Database.ContextAsync())
            blobsBefore = await db.Blobs.CountAsync();

        var problems = await ProblemsAsync(await ImportAsync(client, studyId, ("batch.zip", zip)));

        Assert.Contains("out of the archive", Assert.Single(problems["batch.zip:../escape.png"]));
        Assert.Contains("absolute", Assert.Single(problems["batch.zip:/etc/absolute.png"]));
        Assert.Contains("not an image", Assert.Single(problems["batch.zip:notes.png"]));
        Assert.Contains("No face was found", Assert.Single(problems["batch.zip:blank.png"]));
        Assert.Contains("ends", Assert.Single(problems["batch.zip:cut.jpg"]));
        Assert.Contains("not in the manifest", Assert.Single(problems["batch.zip:stray.png"]));
        Assert.Contains("not in the upload", Assert.Single(problems["batch.zip:manifest.csv line 6"]));
        Assert.Contains("Unknown face \"S404\"", Assert.Single(problems["batch.zip:manifest.csv line 7"]));
        Assert.Contains(problems["batch.zip:manifest.csv line 8"], p => p.Contains("Unknown condition \"older\""));
        Assert.Contains(problems["batch.zip:manifest.csv line 8"], p => p.Contains("already mapped on line 7"));
        Assert.Contains(problems["batch.zip:manifest.csv line 9"], p => p.Contains("\"original\" is the uploaded photograph"));
        Assert.Contains(problems["batch.zip:manifest.csv line 9"], p => p.Contains("already mapped on line 2"));

        await using var read = await factory.Database.ContextAsync();
        Assert.Equal(2, await read.Variants.CountAsync(v => v.StudyId == studyId));
        Assert.Equal(blobsBefore, await read.Blobs.CountAsync());
    }

    [Fact]
    public async Task Zip_bombs_and_archives_with_too_many_files_are_refused_before_unpacking()
    {
        await using var factory = await PainBiasWebFactory.CreateAsync(DatabaseProvider.Sqlite, new Dictionary<string, string?>
        {
            ["VariantImport:MaxTotalBytes"] = "1000000",
            ["VariantImport:MaxFiles"] = "3",
        });
        var (client, _) = await factory.SignInNewResearcherAsync();
        var studyId = await StudyWithFacesAsync(client, ("S001", "John_Simm.jpg"));
        var bomb = Zip(("zeros.png", new byte[5_000_000]), ("manifest.csv", Csv("file,face,condition\nzeros.png,S001,skin\n")));
        Assert.True(bomb.Length < 50_000, "the test bomb compresses well");
        var many = Zip([.. Enumerable.Range(0, 5).Select(i => ($"{i}.png", new byte[10])), ("manifest.csv", Csv("file,face,condition\n"))]);

        var bombProblems = await ProblemsAsync(await ImportAsync(client, studyId, ("bomb.zip", bomb)));
        var manyProblems = await ProblemsAsync(await ImportAsync(client, studyId, ("many.zip", many)));
        var notZip = await ProblemsAsync(await ImportAsync(client, studyId, ("fake.zip", "just text"u8.ToArray())));

        Assert.Contains("unpacks to 4.8 MB", Assert.Single(bombProblems["bomb.zip"]));
        Assert.Contains("at most 3", Assert.Single(manyProblems["many.zip"]));
        Assert.Contains("not a readable zip", Assert.Single(notZip["fake.zip"]));
    }

    [Fact]
    public async Task Another_researchers_study_is_not_found()
    {
        await using var factory = await PainBiasWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        var (alice, _) = await factory.SignInNewResearcherAsync();
        var (bob, _) = await factory.SignInNewResearcherAsync();
        var studyId = await StudyWithFacesAsync(alice, ("S001", "John_Simm.jpg"));

        var response = await ImportAsync(bob, studyId, ("v.png", Face("John_Simm.jpg")), ("m.csv", Csv("file,face,condition\nv.png,S001,skin\n")));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        await using var db = await factory.Database.ContextAsync();
        Assert.Equal(1, await db.Variants.CountAsync(v => v.StudyId == studyId));
    }
}
