using PainBias.Core.Domain;

namespace PainBias.Web.Features.Studies;

/// <summary>Parses the metadata a researcher types or a CSV carries, with an error that names the field and the allowed values.</summary>
public static class SourceFaceMetadata
{
    public static Gender? ParseGender(string? value, IDictionary<string, string> errors) => Parse(value, "gender", errors,
        "use F or M", ("F", Gender.F), ("FEMALE", Gender.F), ("M", Gender.M), ("MALE", Gender.M));

    public static Race? ParseRace(string? value, IDictionary<string, string> errors) => Parse(value, "race", errors,
        "use W (white) or B (black)", ("W", Race.W), ("WHITE", Race.W), ("B", Race.B), ("BLACK", Race.B));

    public static AgeGroup? ParseAgeGroup(string? value, IDictionary<string, string> errors) => Parse(value, "ageGroup", errors,
        "use Young (18–34) or Senior (55+)", ("YOUNG", AgeGroup.Young), ("Y", AgeGroup.Young), ("SENIOR", AgeGroup.Senior), ("S", AgeGroup.Senior));

    private static T? Parse<T>(string? value, string field, IDictionary<string, string> errors, string hint, params (string Code, T Value)[] allowed)
        where T : struct
    {
        var key = value?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(key))
        {
            errors[field] = $"{field} is required: {hint}.";
            return null;
        }
        foreach (var (code, parsed) in allowed)
        {
            if (code == key)
                return parsed;
        }
        errors[field] = $"Unknown {field} '{value}': {hint}.";
        return null;
    }
}
