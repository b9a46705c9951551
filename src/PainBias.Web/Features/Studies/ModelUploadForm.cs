using Microsoft.AspNetCore.Http.Features;

namespace PainBias.Web.Features.Studies;

/// <summary>
/// Reads the multipart form of a model upload (fields <c>model</c>, the .onnx file, and <c>manifest</c>, JSON as a field
/// or a file) for the check-model, editor and pain-model endpoints, with the request limit raised to the model limit.
/// </summary>
public static class ModelUploadForm
{
    public sealed record Upload(string Manifest, string FileName, byte[] Model);

    /// <summary>The upload, or the problem with the request (for the <c>model</c> field) when it is not one.</summary>
    public static async Task<(Upload? Upload, string? Problem)> ReadAsync(HttpContext http, long maxModelBytes, CancellationToken ct)
    {
        // Models are far larger than the server's default request limit; allow the configured size plus the manifest.
        var limit = maxModelBytes + (1024 * 1024);
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
            size.MaxRequestBodySize = limit;
        if (!http.Request.HasFormContentType)
            return (null, "Send multipart/form-data with the fields model (.onnx file) and manifest (JSON).");
        var form = await new FormFeature(http.Request, new FormOptions { MultipartBodyLengthLimit = limit }).ReadFormAsync(ct);
        var manifest = form["manifest"].ToString();
        if (form.Files.GetFile("manifest") is { } manifestFile)
        {
            using var reader = new StreamReader(manifestFile.OpenReadStream());
            manifest = await reader.ReadToEndAsync(ct);
        }
        if (form.Files.GetFile("model") is not { } modelFile)
            return (null, "model is required: attach the .onnx file.");
        using var buffer = new MemoryStream();
        await using (var stream = modelFile.OpenReadStream())
            await stream.CopyToAsync(buffer, ct);
        return (new Upload(manifest, modelFile.FileName, buffer.ToArray()), null);
    }
}
