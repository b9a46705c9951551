using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using PainBias.Data.Entities;

namespace PainBias.Data.Blobs;

/// <summary>Keeps image bytes in the Blobs table, so one database backup holds the whole study.</summary>
public sealed class DatabaseBlobStore(IDbContextFactory<PainBiasDbContext> contexts) : IBlobStore
{
    public async Task<string> PutAsync(ReadOnlyMemory<byte> data, string contentType, CancellationToken cancellationToken)
    {
        var sha = Convert.ToHexStringLower(SHA256.HashData(data.Span));
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.Blobs.AnyAsync(b => b.Sha256 == sha, cancellationToken))
            return sha;
        db.Blobs.Add(new Blob
        {
            Sha256 = sha,
            ContentType = contentType,
            Length = data.Length,
            Data = data.ToArray(),
            CreatedAt = DateTime.UtcNow,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // A concurrent upload of the same bytes may have won the insert; the content is identical by construction.
            if (!await ExistsAsync(sha, cancellationToken))
                throw;
        }
        return sha;
    }

    public async Task<StoredBlob?> GetAsync(string sha256, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Blobs.AsNoTracking()
            .Where(b => b.Sha256 == sha256)
            .Select(b => new StoredBlob(b.Sha256, b.ContentType, b.Data))
            .SingleOrDefaultAsync(cancellationToken);
    }

    private async Task<bool> ExistsAsync(string sha, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Blobs.AnyAsync(b => b.Sha256 == sha, cancellationToken);
    }
}
