namespace PainBias.Crowd.MTurk;

public enum Comparator
{
    LessThan,
    LessThanOrEqualTo,
    GreaterThan,
    GreaterThanOrEqualTo,
    EqualTo,
    NotEqualTo,
    Exists,
    DoesNotExist,
    In,
    NotIn,
}

public enum HITAccessActions { Accept, PreviewAndAccept, DiscoverPreviewAndAccept }

public enum QualificationTypeStatus { Active, Inactive }

/// <summary>ISO 3166 country, optionally with an ISO 3166-2 subdivision ("US", "CA").</summary>
public sealed record Locale
{
    public required string Country { get; init; }
    public string? Subdivision { get; init; }
}

public sealed record QualificationRequirement
{
    public required string QualificationTypeId { get; init; }
    public required Comparator Comparator { get; init; }
    public IReadOnlyList<int>? IntegerValues { get; init; }
    public IReadOnlyList<Locale>? LocaleValues { get; init; }
    /// <summary>Who may not even see the HIT without the qualification; MTurk's default is Accept.</summary>
    public HITAccessActions? ActionsGuarded { get; init; }
}

/// <summary>System qualification ids and the requirements a PainBias study asks for.</summary>
public static class MTurkQualifications
{
    public const string ApprovalRateId = "000000000000000000L0";
    public const string NumberHITsApprovedId = "00000000000000000040";
    public const string LocaleId = "00000000000000000071";

    public static QualificationRequirement ApprovalRateAtLeast(int percent)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(percent);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percent, 100);
        return new() { QualificationTypeId = ApprovalRateId, Comparator = Comparator.GreaterThanOrEqualTo, IntegerValues = [percent] };
    }

    public static QualificationRequirement ApprovedHITsAtLeast(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return new() { QualificationTypeId = NumberHITsApprovedId, Comparator = Comparator.GreaterThanOrEqualTo, IntegerValues = [count] };
    }

    public static QualificationRequirement LocaleIn(params IReadOnlyList<Locale> locales)
    {
        if (locales.Count == 0)
        {
            throw new ArgumentException("At least one locale is required.", nameof(locales));
        }

        return locales.Count == 1
            ? new() { QualificationTypeId = LocaleId, Comparator = Comparator.EqualTo, LocaleValues = locales }
            : new() { QualificationTypeId = LocaleId, Comparator = Comparator.In, LocaleValues = locales };
    }

    /// <summary>Keeps out workers who hold a qualification, e.g. the "took part" marker of a linked study.</summary>
    public static QualificationRequirement DoesNotHave(string qualificationTypeId, HITAccessActions actionsGuarded = HITAccessActions.DiscoverPreviewAndAccept)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(qualificationTypeId);
        return new() { QualificationTypeId = qualificationTypeId, Comparator = Comparator.DoesNotExist, ActionsGuarded = actionsGuarded };
    }

    /// <summary>Admits only workers who hold a qualification (the screening pass).</summary>
    public static QualificationRequirement Has(string qualificationTypeId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(qualificationTypeId);
        return new() { QualificationTypeId = qualificationTypeId, Comparator = Comparator.Exists };
    }
}

public sealed record QualificationType
{
    public string QualificationTypeId { get; init; } = "";
    public DateTimeOffset? CreationTime { get; init; }
    public string? Name { get; init; }
    public string? Description { get; init; }
    public string? Keywords { get; init; }
    public QualificationTypeStatus? QualificationTypeStatus { get; init; }
    public long? RetryDelayInSeconds { get; init; }
    public bool? IsRequestable { get; init; }
    public bool? AutoGranted { get; init; }
    public int? AutoGrantedValue { get; init; }
}

public sealed record CreateQualificationTypeRequest
{
    public required string Name { get; init; }
    public required string Description { get; init; }
    public required QualificationTypeStatus QualificationTypeStatus { get; init; }
    public string? Keywords { get; init; }
    public long? RetryDelayInSeconds { get; init; }
    public bool? AutoGranted { get; init; }
    public int? AutoGrantedValue { get; init; }
}

public sealed record CreateQualificationTypeResponse
{
    public QualificationType QualificationType { get; init; } = new();
}

public sealed record AssociateQualificationWithWorkerRequest
{
    public required string QualificationTypeId { get; init; }
    public required string WorkerId { get; init; }
    public int? IntegerValue { get; init; }
    /// <summary>PainBias sets false: a "took part" marker should not mail the worker.</summary>
    public bool? SendNotification { get; init; }
}

public sealed record AssociateQualificationWithWorkerResponse;

public sealed record DisassociateQualificationFromWorkerRequest
{
    public required string QualificationTypeId { get; init; }
    public required string WorkerId { get; init; }
    public string? Reason { get; init; }
}

public sealed record DisassociateQualificationFromWorkerResponse;
