namespace PainBias.Crowd.Credamo;

/// <summary>A completion code this study issued or showed, for the participant it belongs to.</summary>
public sealed record IssuedCode(string Code, string ParticipantId, bool Completed);

public enum CredamoFinding
{
    /// <summary>An issued code whose task was completed: approve.</summary>
    Approved,
    NoCode,
    UnknownCode,

    /// <summary>A code another study issued.</summary>
    ForeignCode,

    /// <summary>Our code, but its task was never finished (not started, declined, failed the screening, still running).</summary>
    NotCompleted,

    /// <summary>The same response appears again (a repeated row or a second row with the same response id).</summary>
    DuplicateRow,

    /// <summary>One code claimed by several responses: nobody is approved, since one of them copied it.</summary>
    DuplicateCode,

    /// <summary>A second approvable response from the same Credamo user: only the first is approved.</summary>
    DuplicateRespondent,

    /// <summary>An earlier import already approved this code for another response: it is not paid twice.</summary>
    ApprovedEarlier,
}

/// <summary>The response an earlier import approved a code for.</summary>
public sealed record EarlierApproval(string? ResponseId, string? UserId);

public sealed record CredamoRowResult(CredamoRow Row, CredamoFinding Finding, string? ParticipantId)
{
    public bool Approve => Finding == CredamoFinding.Approved;
}

public sealed record CredamoReconciliation(IReadOnlyList<CredamoRowResult> Rows, IReadOnlyList<IssuedCode> Missing)
{
    public int Count(CredamoFinding finding) => Rows.Count(r => r.Finding == finding);
}

/// <summary>
/// Matches a results export against the codes a study issued. Only a code issued by this study, whose task our database
/// shows completed, claimed by exactly one response, is approved; every other row is reported with its reason.
/// </summary>
public static class CredamoReconciler
{
    /// <param name="approvedEarlier">Codes earlier imports approved, with their response. The same response again (a
    /// cumulative export) is approved again, idempotently; another response with that code is not.</param>
    public static CredamoReconciliation Reconcile(
        IReadOnlyList<CredamoRow> rows, IReadOnlyDictionary<string, IssuedCode> issued, IReadOnlySet<string> foreignCodes,
        IReadOnlyDictionary<string, EarlierApproval>? approvedEarlier = null)
    {
        var findings = new Dictionary<CredamoRow, CredamoFinding>();

        // Rows with one response id: repeats of the same content are duplicates of the first; differing content under
        // one id cannot be trusted at all.
        foreach (var group in rows.Where(r => r.ResponseId is not null).GroupBy(r => r.ResponseId!, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            var first = group.First();
            var conflicting = group.Any(r => r.Code != first.Code || r.UserId != first.UserId);
            foreach (var row in conflicting ? group : group.Skip(1))
                findings[row] = CredamoFinding.DuplicateRow;
        }

        var live = rows.Where(r => !findings.ContainsKey(r)).ToList();
        foreach (var group in live.Where(r => r.Code.Length > 0).GroupBy(r => r.Code, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            // A response id absent: identical rows are a repeated line, not two claims.
            var distinct = group.DistinctBy(r => (r.ResponseId, r.UserId)).ToList();
            if (distinct.Count == 1 && group.First().ResponseId is null)
            {
                foreach (var row in group.Skip(1))
                    findings[row] = CredamoFinding.DuplicateRow;
                continue;
            }
            foreach (var row in group)
                findings[row] = CredamoFinding.DuplicateCode;
        }

        var seenUsers = new HashSet<string>(StringComparer.Ordinal);
        var results = new List<CredamoRowResult>(rows.Count);
        foreach (var row in rows)
        {
            issued.TryGetValue(row.Code, out var code);
            var finding = findings.TryGetValue(row, out var found) ? found : Classify(row, code, foreignCodes);
            if (finding == CredamoFinding.Approved && approvedEarlier?.GetValueOrDefault(row.Code) is { } earlier
                && (earlier.ResponseId != row.ResponseId || earlier.UserId != row.UserId))
                finding = CredamoFinding.ApprovedEarlier;
            if (finding == CredamoFinding.Approved && row.UserId is { } user && !seenUsers.Add(user))
                finding = CredamoFinding.DuplicateRespondent;
            results.Add(new CredamoRowResult(row, finding, code?.ParticipantId));
        }

        var inFile = rows.Select(r => r.Code).Where(c => c.Length > 0).ToHashSet(StringComparer.Ordinal);
        var missing = issued.Values.Where(c => c.Completed && !inFile.Contains(c.Code)).OrderBy(c => c.ParticipantId, StringComparer.Ordinal).ToList();
        return new CredamoReconciliation(results, missing);
    }

    private static CredamoFinding Classify(CredamoRow row, IssuedCode? code, IReadOnlySet<string> foreignCodes)
    {
        if (row.Code.Length == 0)
            return CredamoFinding.NoCode;
        if (code is not null)
            return code.Completed ? CredamoFinding.Approved : CredamoFinding.NotCompleted;
        return foreignCodes.Contains(row.Code) ? CredamoFinding.ForeignCode : CredamoFinding.UnknownCode;
    }
}
