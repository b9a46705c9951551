using System.Text.Json;
using System.Text.Json.Serialization;
using PainBias.Crowd.Credamo;

namespace PainBias.Web.Features.Credamo;

/// <summary>What an import found, stored as JSON with the import so the approval file can be written again later.</summary>
public sealed record CredamoImportReport(string Format, string Encoding, CredamoColumns Columns, IReadOnlyList<string> Warnings, CredamoReconciliation Reconciliation)
{
    private static readonly JsonSerializerOptions Json = new() { Converters = { new JsonStringEnumConverter() } };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static CredamoImportReport FromJson(string json) =>
        JsonSerializer.Deserialize<CredamoImportReport>(json, Json) ?? throw new InvalidDataException("An empty Credamo import report.");
}

/// <summary>An import as the page lists it.</summary>
public sealed record CredamoImportSummary(
    Guid Id, string FileName, string Encoding, DateTime ImportedAt, int Rows, int Approved, IReadOnlyDictionary<CredamoFinding, int> Findings,
    IReadOnlyList<IssuedCode> Missing, CredamoColumns Columns, IReadOnlyList<string> Warnings);
