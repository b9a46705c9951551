using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace PainBias.Data;

/// <summary>Keeps every stored time in UTC on both providers.</summary>
public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => ToUtc(v),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc))
{
    private static DateTime ToUtc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Utc => value,
        DateTimeKind.Local => value.ToUniversalTime(),
        _ => throw new ArgumentException(
            $"Refusing to store a DateTime of unspecified kind ({value:O}); use DateTime.UtcNow or a UTC value.", nameof(value)),
    };
}
