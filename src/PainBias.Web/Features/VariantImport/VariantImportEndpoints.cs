using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using PainBias.Web.Hosting;

namespace PainBias.Web.Features.VariantImport;

/// <summary>
/// POST /api/studies/{id}/variants/import, multipart: the images and/or zips and the manifest CSV as files (any field
/// names), and optionally <c>replace=true</c>. 201 with the variants made, or 400 with every problem keyed by its item.
/// </summary>
public static class VariantImportEndpoints
{
    public static IServiceCollection AddVariantImport(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<VariantImportOptions>().Bind(configuration.GetSection(VariantImportOptions.Section))
            .Validate(o => o.MaxFiles > 0 && o.MaxTotalBytes > 0 && o.MaxRequestBytes > 0, "VariantImport limits must be positive.").ValidateOnStart();
        services.AddScoped<ImportVariants.Handler>();
        return services;
    }

    public static void MapVariantImportEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/studies/{studyId:guid}/variants")
            .RequireAuthorization(IdentitySetup.ResearcherPolicy)
            .WithMetadata(new SkipStatusCodePagesAttribute())
            // As for face uploads: the auth cookie is SameSite=Lax, and scripts have no antiforgery token.
            .MapPost("/import", PostImport).DisableAntiforgery();
    }

    private static async Task<Results<Created<ImportedVariants>, ValidationProblem, NotFound, BadRequest<string>>> PostImport(
        Guid studyId, HttpContext http, ImportVariants.Handler handler, IOptions<VariantImportOptions> options, CancellationToken ct)
    {
        var limit = options.Value.MaxRequestBytes;
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
            size.MaxRequestBodySize = limit;
        if (!http.Request.HasFormContentType)
            return TypedResults.BadRequest("Send multipart/form-data: the images or zip and the manifest CSV as files.");
        var form = await new FormFeature(http.Request, new FormOptions { MultipartBodyLengthLimit = limit }).ReadFormAsync(ct);

        var files = new List<ImportFile>();
        foreach (var file in form.Files)
        {
            await using var stream = file.OpenReadStream();
            using var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer, ct);
            files.Add(new ImportFile(Path.GetFileName(file.FileName), buffer.ToArray()));
        }
        var replace = bool.TryParse(form["replace"], out var r) && r;

        var result = await handler.HandleAsync(new ImportVariants.Command(studyId, files, replace), Actor.From(http.User), ct);
        if (!result.StudyFound)
            return TypedResults.NotFound();
        if (!result.Succeeded)
        {
            return TypedResults.ValidationProblem(
                result.Problems.GroupBy(p => p.Item).ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray()),
                title: $"Nothing was imported: {result.Problems.Count} problem(s) to fix.");
        }
        return TypedResults.Created($"/api/studies/{studyId}", new ImportedVariants(result.Variants));
    }

    public sealed record ImportedVariants(IReadOnlyList<ImportVariants.Imported> Variants);
}
