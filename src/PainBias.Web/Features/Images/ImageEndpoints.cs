using Microsoft.AspNetCore.Http.HttpResults;
using PainBias.Web.Hosting;

namespace PainBias.Web.Features.Images;

public static class ImageEndpoints
{
    public static void MapImageEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/images").RequireAuthorization(IdentitySetup.ResearcherPolicy).WithMetadata(new Microsoft.AspNetCore.Mvc.SkipStatusCodePagesAttribute());
        group.MapGet("/{sha256:length(64)}", GetImage);
    }

    private static async Task<Results<FileContentHttpResult, NotFound>> GetImage(
        string sha256, HttpContext http, ImageAccess access, CancellationToken cancellationToken)
    {
        var blob = await access.GetForResearcherAsync(sha256.ToLowerInvariant(), Actor.From(http.User), cancellationToken);
        if (blob is null)
            return TypedResults.NotFound();
        // Content-addressed: the bytes behind a key never change.
        http.Response.Headers.CacheControl = "private, max-age=31536000, immutable";
        return TypedResults.File(blob.Data, blob.ContentType);
    }
}
