namespace PainBias.Data.Entities;

/// <summary>Image bytes, content-addressed: the key is the lower-case hex SHA-256 of the data.</summary>
public sealed class Blob
{
    public required string Sha256 { get; set; }
    public required string ContentType { get; set; }
    public long Length { get; set; }
    public required byte[] Data { get; set; }
    public DateTime CreatedAt { get; set; }
}
