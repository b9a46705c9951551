namespace PainBias.Data.Entities;

/// <summary>
/// One uploaded Credamo results export: the raw file (a blob, kept as received), how it was read, and the
/// reconciliation report (JSON) from which the approval file is written.
/// </summary>
public sealed class CredamoImport
{
    public Guid Id { get; set; }
    public Guid StudyId { get; set; }
    public required string FileName { get; set; }
    public required string RawSha256 { get; set; }

    /// <summary>How the file was decoded: "UTF-8 (BOM)", "UTF-8", "GB18030" or "XLSX".</summary>
    public required string Encoding { get; set; }
    public DateTime ImportedAt { get; set; }
    public required string ImportedBy { get; set; }
    public int RowCount { get; set; }
    public int ApprovedCount { get; set; }
    public required string ReportJson { get; set; }
}
