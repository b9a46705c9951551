using System.Text;
using PainBias.Crowd.Credamo;

namespace PainBias.Crowd.Tests.Credamo;

public sealed class CredamoReconcilerTests
{
    private static readonly Dictionary<string, IssuedCode> Issued = new IssuedCode[]
    {
        new("A2B3C4D5E6", "P-a", Completed: true),
        new("B3C4D5E6F7", "P-b", Completed: true),
        new("CD45E6F7G8", "P-c", Completed: false),
        new("DE56F7G8H9", "P-d", Completed: true),
        new("HJKMNPQRST", "P-e", Completed: true),
        new("MNPQRSTUVW", "P-f", Completed: true),
    }.ToDictionary(c => c.Code);

    private static readonly HashSet<string> Foreign = ["XQ7Z9WW2RR"];

    private static CredamoReconciliation Reconcile(string file) =>
        CredamoReconciler.Reconcile(CredamoResultsReader.Read(CredamoResultsReaderTests.File(file), CredamoColumnMap.Default).Rows, Issued, Foreign);

    [Fact]
    public void Only_our_completed_codes_are_approved_and_the_rest_say_why()
    {
        var result = Reconcile("results-gbk.csv");

        Assert.Equal(
            [CredamoFinding.Approved, CredamoFinding.Approved, CredamoFinding.NotCompleted, CredamoFinding.UnknownCode, CredamoFinding.NoCode],
            result.Rows.Select(r => r.Finding));
        Assert.Equal(["P-a", "P-b", "P-c", null, null], result.Rows.Select(r => r.ParticipantId));
        // Completed in our database but absent from the file.
        Assert.Equal(["P-d", "P-e", "P-f"], result.Missing.Select(m => m.ParticipantId));
    }

    [Fact]
    public void Duplicates_and_foreign_codes_are_never_approved()
    {
        var result = Reconcile("results-duplicates.csv");

        Assert.Equal(
            [
                CredamoFinding.Approved, CredamoFinding.DuplicateRow, // the same response twice: paid once
                CredamoFinding.DuplicateCode, CredamoFinding.DuplicateCode, // one code, two responses: nobody
                CredamoFinding.NotCompleted, CredamoFinding.Approved, // U704 again: the first response had not finished
                CredamoFinding.ForeignCode,
            ],
            result.Rows.Select(r => r.Finding));
        Assert.Equal(["R3001", "R3005"], result.Rows.Where(r => r.Approve).Select(r => r.Row.ResponseId));
    }

    [Fact]
    public void A_second_approvable_response_of_one_user_is_flagged()
    {
        var rows = new[]
        {
            new CredamoRow(2, "R1", "U1", "A2B3C4D5E6", "A2B3C4D5E6"),
            new CredamoRow(3, "R2", "U1", "HJKMNPQRST", "HJKMNPQRST"),
        };

        var result = CredamoReconciler.Reconcile(rows, Issued, Foreign);

        Assert.Equal([CredamoFinding.Approved, CredamoFinding.DuplicateRespondent], result.Rows.Select(r => r.Finding));
    }

    [Fact]
    public void A_code_an_earlier_import_approved_is_approved_again_only_for_the_same_response()
    {
        var rows = new[]
        {
            new CredamoRow(2, "R1", "U1", "A2B3C4D5E6", "A2B3C4D5E6"), // the same response in a cumulative export
            new CredamoRow(3, "R9", "U9", "HJKMNPQRST", "HJKMNPQRST"), // someone else with a code already paid
        };
        var earlier = new Dictionary<string, EarlierApproval>
        {
            ["A2B3C4D5E6"] = new("R1", "U1"),
            ["HJKMNPQRST"] = new("R2", "U2"),
        };

        var result = CredamoReconciler.Reconcile(rows, Issued, Foreign, earlier);

        Assert.Equal([CredamoFinding.Approved, CredamoFinding.ApprovedEarlier], result.Rows.Select(r => r.Finding));
    }

    [Fact]
    public void Conflicting_rows_under_one_response_id_are_all_held_back()
    {
        var rows = new[]
        {
            new CredamoRow(2, "R1", "U1", "A2B3C4D5E6", "A2B3C4D5E6"),
            new CredamoRow(3, "R1", "U1", "HJKMNPQRST", "HJKMNPQRST"),
        };

        var result = CredamoReconciler.Reconcile(rows, Issued, Foreign);

        Assert.All(result.Rows, r => Assert.Equal(CredamoFinding.DuplicateRow, r.Finding));
    }

    [Fact]
    public void The_approval_file_is_UTF8_with_BOM_and_CRLF_and_defuses_formulas()
    {
        var rows = new[]
        {
            new CredamoRow(2, "R1", "=HYPERLINK(\"x\")", "A2B3C4D5E6", "A2B3C4D5E6"),
            new CredamoRow(3, "R2", "U2", "ZZZ", "ZZZ"),
        };

        var bytes = CredamoCsv.Approvals(CredamoReconciler.Reconcile(rows, Issued, Foreign));

        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes[3..]);
        var lines = text.Split("\r\n");
        Assert.Equal("line,response_id,user_id,completion_code,decision,reason,participant_id", lines[0]);
        Assert.Equal("2,R1,\"'=HYPERLINK(\"\"x\"\")\",A2B3C4D5E6,approve,completed,P-a", lines[1]);
        Assert.Equal("3,R2,U2,ZZZ,reject,unknown code,", lines[2]);
        Assert.DoesNotContain("\n", text.Replace("\r\n", ""));
    }

    [Fact]
    public void The_links_file_is_UTF8_with_BOM_and_CRLF()
    {
        var bytes = CredamoCsv.Links([new ParticipantLinkRow("P1", "https://x.example/task/abc", "A2B3C4D5E6")]);

        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        Assert.Equal("participant_id,link,completion_code\r\nP1,https://x.example/task/abc,A2B3C4D5E6\r\n", Encoding.UTF8.GetString(bytes[3..]));
    }
}
