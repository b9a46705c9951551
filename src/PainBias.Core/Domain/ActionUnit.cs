namespace PainBias.Core.Domain;

/// <summary>The facial Action Units that PSPI is built from.</summary>
public enum ActionUnit
{
    /// <summary>Brow lowerer, intensity 0..5.</summary>
    Au4 = 4,
    /// <summary>Cheek raiser, intensity 0..5.</summary>
    Au6 = 6,
    /// <summary>Lid tightener, intensity 0..5.</summary>
    Au7 = 7,
    /// <summary>Nose wrinkler, intensity 0..5.</summary>
    Au9 = 9,
    /// <summary>Upper-lip raiser, intensity 0..5.</summary>
    Au10 = 10,
    /// <summary>Eyes closed, 0 or 1.</summary>
    Au43 = 43,
}

public static class ActionUnits
{
    public static readonly IReadOnlyList<ActionUnit> All =
        [ActionUnit.Au4, ActionUnit.Au6, ActionUnit.Au7, ActionUnit.Au9, ActionUnit.Au10, ActionUnit.Au43];

    /// <summary>Highest allowed value: FACS intensity E (5) for graded AUs, 1 for AU43.</summary>
    public static int MaxValue(this ActionUnit au) => au == ActionUnit.Au43 ? 1 : 5;

    /// <summary>Lower-case field name as in forms, CSVs and fixtures: au4, au43, ….</summary>
    public static string FieldName(this ActionUnit au) => "au" + (int)au;
}
