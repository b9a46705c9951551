using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using PainBias.Web.Features.Studies;
using SkiaSharp;

namespace PainBias.Web.Tests.VariantImport;

/// <summary>Study set-up and multipart/zip building for the import and quality tests.</summary>
internal static class ImportRequests
{
    public static byte[] Face(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "DemoData", "faces", name));

    /// <summary>The same photo re-encoded as PNG: other bytes, same pixels (a perfect "variant").</summary>
    public static byte[] AsPng(byte[] jpeg)
    {
        using var bitmap = SKBitmap.Decode(jpeg);
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    public static byte[] Blank()
    {
        using var bitmap = new SKBitmap(150, 150);
        bitmap.Erase(SKColors.Gray);
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    public static async Task<Guid> StudyWithFacesAsync(HttpClient client, params (string Label, string Photo)[] faces)
    {
        var response = await client.PostAsJsonAsync("/api/studies", new { name = "Import", imageSize = 256 });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var studyId = (await response.Content.ReadFromJsonAsync<StudyEndpoints.CreatedStudy>())!.Id;
        foreach (var (label, photo) in faces)
        {
            var form = new MultipartFormDataContent
            {
                { new ByteArrayContent(Face(photo)), "file", photo },
                { new StringContent(label), "label" },
                { new StringContent("M"), "gender" },
                { new StringContent("W"), "race" },
                { new StringContent("Young"), "ageGroup" },
            };
            Assert.Equal(HttpStatusCode.Created, (await client.PostAsync($"/api/studies/{studyId}/faces", form)).StatusCode);
        }
        return studyId;
    }

    public static byte[] Zip(params (string Name, byte[] Data)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, data) in entries)
            {
                using var stream = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
                stream.Write(data);
            }
        }
        return buffer.ToArray();
    }

    public static byte[] Csv(string text) => Encoding.UTF8.GetBytes(text);

    public static MultipartFormDataContent Form(bool replace, params (string Name, byte[] Data)[] files)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, data) in files)
        {
            var content = new ByteArrayContent(data);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(content, "files", name);
        }
        if (replace)
            form.Add(new StringContent("true"), "replace");
        return form;
    }

    public static Task<HttpResponseMessage> ImportAsync(HttpClient client, Guid studyId, params (string Name, byte[] Data)[] files) =>
        client.PostAsync($"/api/studies/{studyId}/variants/import", Form(false, files));

    public static async Task<Dictionary<string, string[]>> ProblemsAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{response.StatusCode}: {body}");
        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("errors").Deserialize<Dictionary<string, string[]>>()!;
    }
}
