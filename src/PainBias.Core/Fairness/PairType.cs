using PainBias.Core.Domain;

namespace PainBias.Core.Fairness;

/// <summary>Which attribute differs between the two images of a counterpart pair.</summary>
public enum PairType { SkinTone, Age, Both }

public static class PairTypeExtensions
{
    /// <summary>
    /// The pairs of conditions of one face that form counterparts. Skin tone: Original↔SkinTone and
    /// Age↔SkinToneAge; age: Original↔Age and SkinTone↔SkinToneAge; both attributes: Original↔SkinToneAge.
    /// </summary>
    public static IReadOnlyList<(Condition A, Condition B)> ConditionPairs(this PairType pair) => pair switch
    {
        PairType.SkinTone => [(Condition.Original, Condition.SkinTone), (Condition.Age, Condition.SkinToneAge)],
        PairType.Age => [(Condition.Original, Condition.Age), (Condition.SkinTone, Condition.SkinToneAge)],
        _ => [(Condition.Original, Condition.SkinToneAge)],
    };

    /// <summary>The condition that forms a pair of this type with <paramref name="condition"/>, or null (Both pairs only the original).</summary>
    public static Condition? Counterpart(this PairType pair, Condition condition) => pair switch
    {
        PairType.SkinTone => condition.SkinToneCounterpart(),
        PairType.Age => condition.AgeCounterpart(),
        _ => condition switch
        {
            Condition.Original => Condition.SkinToneAge,
            Condition.SkinToneAge => Condition.Original,
            _ => null,
        },
    };

    public static string Code(this PairType pair) => pair switch
    {
        PairType.SkinTone => "skin",
        PairType.Age => "age",
        _ => "both",
    };
}
