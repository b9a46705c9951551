using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace PainBias.Crowd.Credamo;

/// <summary>One participant's link and the code they will be shown at the end.</summary>
public sealed record ParticipantLinkRow(string ParticipantId, string Link, string CompletionCode);

/// <summary>
/// The files PainBias hands to researchers for Credamo and panels: UTF-8 with BOM and CRLF line ends, so Excel on
/// Chinese Windows opens them right.
/// </summary>
public static class CredamoCsv
{
    public static byte[] Links(IEnumerable<ParticipantLinkRow> links) => Write(csv =>
    {
        csv.WriteField("participant_id");
        csv.WriteField("link");
        csv.WriteField("completion_code");
        csv.NextRecord();
        foreach (var link in links)
        {
            csv.WriteField(link.ParticipantId);
            csv.WriteField(link.Link);
            csv.WriteField(link.CompletionCode);
            csv.NextRecord();
        }
    });

    /// <summary>One row per row of the results file: approve or not, and why.</summary>
    public static byte[] Approvals(CredamoReconciliation reconciliation) => Write(csv =>
    {
        foreach (var header in new[] { "line", "response_id", "user_id", "completion_code", "decision", "reason", "participant_id" })
            csv.WriteField(header);
        csv.NextRecord();
        foreach (var row in reconciliation.Rows)
        {
            csv.WriteField(row.Row.Line);
            csv.WriteField(Safe(row.Row.ResponseId));
            csv.WriteField(Safe(row.Row.UserId));
            csv.WriteField(Safe(row.Row.RawCode));
            csv.WriteField(row.Approve ? "approve" : "reject");
            csv.WriteField(Reason(row.Finding));
            csv.WriteField(row.ParticipantId ?? "");
            csv.NextRecord();
        }
    });

    public static string Reason(CredamoFinding finding) => finding switch
    {
        CredamoFinding.Approved => "completed",
        CredamoFinding.NoCode => "no completion code",
        CredamoFinding.UnknownCode => "unknown code",
        CredamoFinding.ForeignCode => "code of another study",
        CredamoFinding.NotCompleted => "task not completed",
        CredamoFinding.DuplicateRow => "duplicate row",
        CredamoFinding.DuplicateCode => "code claimed by several responses",
        CredamoFinding.DuplicateRespondent => "user already approved for this study",
        CredamoFinding.ApprovedEarlier => "code already approved for another response in an earlier import",
        _ => finding.ToString(),
    };

    /// <summary>Values that came from an uploaded file could start a spreadsheet formula; a leading quote keeps them text.</summary>
    private static string Safe(string? value) =>
        value is { Length: > 0 } && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value ?? "";

    private static byte[] Write(Action<CsvWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new StreamWriter(buffer, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true))
        using (var csv = new CsvWriter(writer, new CsvConfiguration(CultureInfo.InvariantCulture) { NewLine = "\r\n" }))
        {
            write(csv);
        }
        return buffer.ToArray();
    }
}
