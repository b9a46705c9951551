using PainBias.Core.Domain;

namespace PainBias.Web.Features.AssessorTask;

/// <summary>Reads the six AU answers of a post: a rating when all are present and in range, else messages naming each field.</summary>
public static class AuAnswers
{
    public static AuRating? Read(TaskForm form, TaskText text, List<string> errors)
    {
        var before = errors.Count;
        (string Name, int? Value)[] aus =
            [("AU4", form.Au4), ("AU6", form.Au6), ("AU7", form.Au7), ("AU9", form.Au9), ("AU10", form.Au10), ("AU43", form.Au43)];
        foreach (var (name, _) in aus.Where(a => a.Value is null))
            errors.Add(text.Format("Field.Missing", name));
        if (errors.Count > before)
            return null;
        if (AuRating.TryCreate(form.Au4!.Value, form.Au6!.Value, form.Au7!.Value, form.Au9!.Value, form.Au10!.Value, form.Au43!.Value,
                out var rating, out var auErrors))
            return rating;
        errors.AddRange(auErrors.Select(e => text.Format("Field.OutOfRange", e.Field.ToUpperInvariant(), e.Value)));
        return null;
    }
}
