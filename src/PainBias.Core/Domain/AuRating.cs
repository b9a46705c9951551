namespace PainBias.Core.Domain;

/// <summary>
/// One assessor's AU intensities for one face. Construction validates every value, so an
/// <see cref="AuRating"/> that exists is always in range and its <see cref="Pspi"/> is in 0..16.
/// </summary>
public sealed record AuRating
{
    public int Au4 { get; }
    public int Au6 { get; }
    public int Au7 { get; }
    public int Au9 { get; }
    public int Au10 { get; }
    public int Au43 { get; }

    private AuRating(int au4, int au6, int au7, int au9, int au10, int au43)
    {
        (Au4, Au6, Au7, Au9, Au10, Au43) = (au4, au6, au7, au9, au10, au43);
    }

    /// <summary>Prkachin–Solomon pain intensity: AU4 + max(AU6, AU7) + max(AU9, AU10) + AU43.</summary>
    public int Pspi => Au4 + Math.Max(Au6, Au7) + Math.Max(Au9, Au10) + Au43;

    public const int MaxPspi = 16;

    public int this[ActionUnit au] => au switch
    {
        ActionUnit.Au4 => Au4,
        ActionUnit.Au6 => Au6,
        ActionUnit.Au7 => Au7,
        ActionUnit.Au9 => Au9,
        ActionUnit.Au10 => Au10,
        ActionUnit.Au43 => Au43,
        _ => throw new ArgumentOutOfRangeException(nameof(au), au, "Not a PSPI action unit."),
    };

    /// <summary>Validates and builds a rating; throws <see cref="AuValidationException"/> naming every bad field.</summary>
    public static AuRating Create(int au4, int au6, int au7, int au9, int au10, int au43)
    {
        var errors = Validate(au4, au6, au7, au9, au10, au43);
        return errors.Count == 0
            ? new AuRating(au4, au6, au7, au9, au10, au43)
            : throw new AuValidationException(errors);
    }

    public static bool TryCreate(int au4, int au6, int au7, int au9, int au10, int au43,
        out AuRating? rating, out IReadOnlyList<AuFieldError> errors)
    {
        errors = Validate(au4, au6, au7, au9, au10, au43);
        rating = errors.Count == 0 ? new AuRating(au4, au6, au7, au9, au10, au43) : null;
        return rating is not null;
    }

    private static List<AuFieldError> Validate(int au4, int au6, int au7, int au9, int au10, int au43)
    {
        var errors = new List<AuFieldError>();
        Check(ActionUnit.Au4, au4);
        Check(ActionUnit.Au6, au6);
        Check(ActionUnit.Au7, au7);
        Check(ActionUnit.Au9, au9);
        Check(ActionUnit.Au10, au10);
        Check(ActionUnit.Au43, au43);
        return errors;

        void Check(ActionUnit au, int value)
        {
            if (value < 0 || value > au.MaxValue())
                errors.Add(new AuFieldError(au, value));
        }
    }
}

/// <summary>One out-of-range AU value.</summary>
public sealed record AuFieldError(ActionUnit Au, int Value)
{
    public string Field => Au.FieldName();

    public string Message => Au == ActionUnit.Au43
        ? $"{Field} must be 0 (eyes open) or 1 (eyes closed); got {Value}."
        : $"{Field} must be an intensity from 0 (absent) to 5 (FACS E); got {Value}.";
}

public sealed class AuValidationException(IReadOnlyList<AuFieldError> errors)
    : ArgumentException(string.Join(" ", errors.Select(e => e.Message)))
{
    public IReadOnlyList<AuFieldError> Errors { get; } = errors;
}
