namespace PainBias.Crowd.Credamo;

/// <summary>One data row of a results export. <see cref="Line"/> counts rows as a spreadsheet shows them (header = 1).</summary>
public sealed record CredamoRow(int Line, string? ResponseId, string? UserId, string RawCode, string Code);

/// <summary>The headers a file was read with; null where the file has no such column.</summary>
public sealed record CredamoColumns(string? ResponseId, string? UserId, string CompletionCode);

public sealed record CredamoResults(string Format, string Encoding, CredamoColumns Columns, IReadOnlyList<CredamoRow> Rows, IReadOnlyList<string> Warnings);
