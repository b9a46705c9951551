using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PainBias.Crowd.MTurk;

/// <summary>The AWS JSON 1.1 conventions MTurk uses: PascalCase members, enum names as strings, epoch-second timestamps.</summary>
internal static class MTurkJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        PropertyNameCaseInsensitive = true,
        Converters = { new JsonStringEnumConverter(), new EpochSecondsConverter() },
    };

    private sealed class EpochSecondsConverter : JsonConverter<DateTimeOffset>
    {
        public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            // MTurk sends fractional seconds (1.5e9 style or 1625139618.656); keep milliseconds.
            var seconds = reader.TokenType == JsonTokenType.String
                ? double.Parse(reader.GetString()!, CultureInfo.InvariantCulture)
                : reader.GetDouble();
            return DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(seconds * 1000));
        }

        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
        {
            var milliseconds = value.ToUnixTimeMilliseconds();
            if (milliseconds % 1000 == 0)
            {
                writer.WriteNumberValue(milliseconds / 1000);
            }
            else
            {
                writer.WriteNumberValue(milliseconds / 1000m);
            }
        }
    }
}
