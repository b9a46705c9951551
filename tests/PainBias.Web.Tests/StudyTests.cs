using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using PainBias.Data;
using PainBias.Web.Features.Studies;

namespace PainBias.Web.Tests;

public class StudyTests
{
    public static TheoryData<DatabaseProvider> Providers => TestSupport.TestDatabase.Providers;

    private static byte[] Face(string name = "John_Simm.jpg") =>
        File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "DemoData", "faces", name));

    private static async Task<Guid> CreateStudyAsync(HttpClient client, string name = "Pilot")
    {
        var response = await client.PostAsJsonAsync("/api/studies", new { name, imageSize = 256 });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<StudyEndpoints.CreatedStudy>())!.Id;
    }

    private static MultipartFormDataContent FaceForm(byte[] data, string fileName, string? label, string? gender, string? race, string? age)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(data);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        if (label is not null) form.Add(new StringContent(label), "label");
        if (gender is not null) form.Add(new StringContent(gender), "gender");
        if (race is not null) form.Add(new StringContent(race), "race");
        if (age is not null) form.Add(new StringContent(age), "ageGroup");
        return form;
    }

    private static async Task<Dictionary<string, string[]>> ErrorsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("errors").Deserialize<Dictionary<string, string[]>>()!;
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_researcher_creates_a_study_and_uploads_faces_with_metadata(DatabaseProvider provider)
    {
        await using var factory = await PainBiasWebFactory.CreateAsync(provider);
        var (client, _) = await factory.SignInNewResearcherAsync();
        var studyId = await CreateStudyAsync(client);

        var upload = await client.PostAsync($"/api/studies/{studyId}/faces", FaceForm(Face(), "simm.jpg", "S001", "M", "W", "Young"));
        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        var second = await client.PostAsync($"/api/studies/{studyId}/faces", FaceForm(Face("John_Salley.jpg"), "salley.jpg", "S002", "male", "black", "senior"));
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);

        var study = await client.GetFromJsonAsync<StudyDetails>($"/api/studies/{studyId}");
        Assert.Equal(256, study!.ImageSize);
        Assert.Collection(study.Faces,
            f => { Assert.Equal("S001", f.Label); Assert.Equal(Core.Domain.Gender.M, f.Gender); Assert.Equal(Core.Domain.Race.W, f.Race); Assert.Equal(Core.Domain.AgeGroup.Young, f.AgeGroup); },
            f => { Assert.Equal("S002", f.Label); Assert.Equal(Core.Domain.Race.B, f.Race); Assert.Equal(Core.Domain.AgeGroup.Senior, f.AgeGroup); });
        var original = Assert.Single(study.Faces[0].Variants);
        Assert.Equal(Core.Domain.Condition.Original, original.Condition);
        // Assessors see the Original normalised like every edited variant: the study's size and colour, not the upload.
        Assert.Equal(UploadSourceFace.NormalisedEditor, original.Editor);
        Assert.NotEqual(study.Faces[0].OriginalSha256, original.ImageSha256);
        using (var shown = SkiaSharp.SKBitmap.Decode(await client.GetByteArrayAsync($"/images/{original.ImageSha256}")))
        {
            Assert.Equal((256, 256), (shown.Width, shown.Height));
            Assert.Equal(study.Greyscale, shown.Pixels.All(p => p.Red == p.Green && p.Green == p.Blue));
        }

        var image = await client.GetByteArrayAsync($"/images/{study.Faces[0].OriginalSha256}");
        Assert.Equal(Face(), image);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Face())), study.Faces[0].OriginalSha256);
    }

    [Fact]
    public async Task Bad_uploads_name_the_field_and_lose_nothing()
    {
        await using var factory = await PainBiasWebFactory.CreateAsync(DatabaseProvider.Sqlite,
            new Dictionary<string, string?> { ["Uploads:MaxImageBytes"] = "100000" });
        var (client, _) = await factory.SignInNewResearcherAsync();
        var studyId = await CreateStudyAsync(client);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsync($"/api/studies/{studyId}/faces", FaceForm(Face(), "a.jpg", "S001", "F", "W", "Young"))).StatusCode);

        var notImage = await ErrorsAsync(await client.PostAsync($"/api/studies/{studyId}/faces",
            FaceForm("%PDF-1.7 not a photo"u8.ToArray(), "notes.pdf", "S002", "F", "W", "Young")));
        Assert.Contains("not an image", Assert.Single(notImage["file"]));

        var truncated = await ErrorsAsync(await client.PostAsync($"/api/studies/{studyId}/faces",
            FaceForm(Face()[..2000], "cut.jpg", "S003", "F", "W", "Young")));
        Assert.Single(truncated["file"]);

        using (var blank = new SkiaSharp.SKBitmap(300, 300))
        {
            blank.Erase(new SkiaSharp.SKColor(200, 180, 160));
            var noFace = await ErrorsAsync(await client.PostAsync($"/api/studies/{studyId}/faces",
                FaceForm(blank.Encode(SkiaSharp.SKEncodedImageFormat.Png, 100).ToArray(), "wall.png", "S006", "F", "W", "Young")));
            Assert.StartsWith("No face was found", Assert.Single(noFace["file"]));
        }

        var huge = await ErrorsAsync(await client.PostAsync($"/api/studies/{studyId}/faces",
            FaceForm(new byte[150_000], "big.jpg", "S004", "F", "W", "Young")));
        Assert.Contains("limit", Assert.Single(huge["file"]));

        var metadata = await ErrorsAsync(await client.PostAsync($"/api/studies/{studyId}/faces",
            FaceForm(Face(), "a.jpg", "S005", "X", "Asian", null)));
        Assert.Contains("'X'", Assert.Single(metadata["gender"]));
        Assert.Contains("'Asian'", Assert.Single(metadata["race"]));
        Assert.Contains("required", Assert.Single(metadata["ageGroup"]));

        var duplicate = await ErrorsAsync(await client.PostAsync($"/api/studies/{studyId}/faces",
            FaceForm(Face("John_Savage.jpg"), "b.jpg", "S001", "M", "W", "Senior")));
        Assert.Contains("already has a face", Assert.Single(duplicate["label"]));

        var study = await client.GetFromJsonAsync<StudyDetails>($"/api/studies/{studyId}");
        var face = Assert.Single(study!.Faces);
        Assert.Equal("S001", face.Label);
        Assert.Equal(Core.Domain.Gender.F, face.Gender);
    }

    [Fact]
    public async Task Invalid_study_settings_name_the_field()
    {
        await using var factory = await PainBiasWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        var (client, _) = await factory.SignInNewResearcherAsync();
        var errors = await ErrorsAsync(await client.PostAsJsonAsync("/api/studies", new { name = "", imagesPerAssessor = 7 }));
        Assert.True(errors.ContainsKey("name"));
        Assert.Contains("four variants", Assert.Single(errors["imagesPerAssessor"]));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_researcher_sees_only_their_own_studies(DatabaseProvider provider)
    {
        await using var factory = await PainBiasWebFactory.CreateAsync(provider);
        var (alice, _) = await factory.SignInNewResearcherAsync();
        var (bob, _) = await factory.SignInNewResearcherAsync();
        var aliceStudy = await CreateStudyAsync(alice, "Alice's");
        Assert.Equal(HttpStatusCode.Created, (await alice.PostAsync($"/api/studies/{aliceStudy}/faces", FaceForm(Face(), "a.jpg", "S001", "F", "W", "Young"))).StatusCode);
        var sha = (await alice.GetFromJsonAsync<StudyDetails>($"/api/studies/{aliceStudy}"))!.Faces[0].OriginalSha256;
        await CreateStudyAsync(bob, "Bob's");

        var bobs = await bob.GetFromJsonAsync<List<StudySummary>>("/api/studies");
        Assert.Equal(["Bob's"], bobs!.Select(s => s.Name));
        Assert.Equal(HttpStatusCode.NotFound, (await bob.GetAsync($"/api/studies/{aliceStudy}")).StatusCode);
        var foreignUpload = await bob.PostAsync($"/api/studies/{aliceStudy}/faces", FaceForm(Face(), "b.jpg", "S002", "M", "W", "Young"));
        Assert.True(foreignUpload.StatusCode == HttpStatusCode.NotFound, $"{foreignUpload.StatusCode}: {await foreignUpload.Content.ReadAsStringAsync()}");
        Assert.Equal(HttpStatusCode.NotFound, (await bob.GetAsync($"/images/{sha}")).StatusCode);
        Assert.DoesNotContain("Alice&#x27;s", await bob.GetStringAsync("/studies"));
        Assert.DoesNotContain("Alice's", await bob.GetStringAsync("/studies"));

        // Admins see every study.
        var admin = await factory.SignInAsync(PainBiasWebFactory.AdminEmail, PainBiasWebFactory.AdminPassword);
        Assert.Equal(2, (await admin.GetFromJsonAsync<List<StudySummary>>("/api/studies"))!.Count);
        Assert.Single((await alice.GetFromJsonAsync<StudyDetails>($"/api/studies/{aliceStudy}"))!.Faces);
    }
}
