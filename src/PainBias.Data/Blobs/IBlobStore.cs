namespace PainBias.Data.Blobs;

/// <summary>Content-addressed image storage: the same bytes always get the same key, stored once.</summary>
public interface IBlobStore
{
    /// <summary>Stores the bytes (no-op when already stored) and returns their lower-case hex SHA-256.</summary>
    Task<string> PutAsync(ReadOnlyMemory<byte> data, string contentType, CancellationToken cancellationToken);

    Task<StoredBlob?> GetAsync(string sha256, CancellationToken cancellationToken);
}

public sealed record StoredBlob(string Sha256, string ContentType, byte[] Data);
