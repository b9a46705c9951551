namespace PainBias.Core.Domain;

/// <summary>What a variant changes relative to its source face.</summary>
public enum Condition { Original, SkinTone, Age, SkinToneAge }

public static class ConditionExtensions
{
    public static bool ChangesSkinTone(this Condition condition) =>
        condition is Condition.SkinTone or Condition.SkinToneAge;

    public static bool ChangesAge(this Condition condition) =>
        condition is Condition.Age or Condition.SkinToneAge;

    /// <summary>The race a viewer is meant to perceive: SkinTone flips the source race.</summary>
    public static Race PerceivedRace(this Condition condition, Race original) =>
        condition.ChangesSkinTone() ? original.Flip() : original;

    /// <summary>The age group a viewer is meant to perceive: Age flips the source age group.</summary>
    public static AgeGroup PerceivedAge(this Condition condition, AgeGroup original) =>
        condition.ChangesAge() ? original.Flip() : original;

    /// <summary>The variant that differs from this one in skin tone only (Original ↔ SkinTone, Age ↔ SkinToneAge).</summary>
    public static Condition SkinToneCounterpart(this Condition condition) => condition switch
    {
        Condition.Original => Condition.SkinTone,
        Condition.SkinTone => Condition.Original,
        Condition.Age => Condition.SkinToneAge,
        _ => Condition.Age,
    };

    /// <summary>The variant that differs from this one in age only.</summary>
    public static Condition AgeCounterpart(this Condition condition) => condition switch
    {
        Condition.Original => Condition.Age,
        Condition.Age => Condition.Original,
        Condition.SkinTone => Condition.SkinToneAge,
        _ => Condition.SkinTone,
    };

    /// <summary>Fixture/export spelling: original, skin, age, skin_age.</summary>
    public static string Code(this Condition condition) => condition switch
    {
        Condition.Original => "original",
        Condition.SkinTone => "skin",
        Condition.Age => "age",
        _ => "skin_age",
    };

    public static bool TryParseCode(string? code, out Condition condition)
    {
        switch (code?.Trim().ToLowerInvariant())
        {
            case "original": condition = Condition.Original; return true;
            case "skin" or "skintone" or "skin_tone": condition = Condition.SkinTone; return true;
            case "age": condition = Condition.Age; return true;
            case "skin_age" or "skintoneage" or "skin_tone_age": condition = Condition.SkinToneAge; return true;
            default: condition = default; return false;
        }
    }
}
