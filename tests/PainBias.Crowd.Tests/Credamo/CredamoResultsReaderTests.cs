using PainBias.Crowd.Credamo;

namespace PainBias.Crowd.Tests.Credamo;

/// <summary>Real export files (Files/) in every encoding and layout the bridge accepts, and the ones it must refuse.</summary>
public sealed class CredamoResultsReaderTests
{
    public static byte[] File(string name) => System.IO.File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Credamo", "Files", name));

    [Fact]
    public void A_GBK_export_with_Chinese_headers_is_read_and_codes_normalised()
    {
        var results = CredamoResultsReader.Read(File("results-gbk.csv"), CredamoColumnMap.Default);

        Assert.Equal(("CSV", "GB18030"), (results.Format, results.Encoding));
        Assert.Equal(new CredamoColumns("作答ID", "用户ID", "Q2.请输入完成码"), results.Columns);
        Assert.Equal(["R1001", "R1002", "R1003", "R1004", "R1005"], results.Rows.Select(r => r.ResponseId));
        // Lower case, and full-width letters typed with a Chinese IME, become the code as issued.
        Assert.Equal(["A2B3C4D5E6", "B3C4D5E6F7", "CD45E6F7G8", "ZZZZZZZZZZ", ""], results.Rows.Select(r => r.Code));
        Assert.Equal("ＣＤ４５Ｅ６Ｆ７Ｇ８", results.Rows[2].RawCode);
        Assert.Equal([2, 3, 4, 5, 6], results.Rows.Select(r => r.Line));
    }

    [Theory]
    [InlineData("results-utf8-bom.csv", "UTF-8 (BOM)")]
    [InlineData("results-utf8-nobom-english.csv", "UTF-8")]
    public void UTF8_exports_with_and_without_BOM_are_read(string file, string encoding)
    {
        var results = CredamoResultsReader.Read(File(file), CredamoColumnMap.Default);

        Assert.Equal(encoding, results.Encoding);
        Assert.Equal("A2B3C4D5E6", results.Rows[0].Code);
        Assert.Equal("B3C4D5E6F7", results.Rows[1].Code);
        Assert.NotNull(results.Columns.ResponseId);
        Assert.NotNull(results.Columns.UserId);
    }

    [Fact]
    public void English_headers_and_semicolons_are_recognised()
    {
        var results = CredamoResultsReader.Read(File("results-utf8-nobom-english.csv"), CredamoColumnMap.Default);

        Assert.Equal(new CredamoColumns("Response ID", "User ID", "Completion Code"), results.Columns);
        Assert.Equal(["W1", "W2"], results.Rows.Select(r => r.UserId));
    }

    [Fact]
    public void An_XLSX_export_is_read_from_its_first_sheet()
    {
        var results = CredamoResultsReader.Read(File("results.xlsx"), CredamoColumnMap.Default);

        Assert.Equal("XLSX", results.Format);
        Assert.Equal(["A2B3C4D5E6", "HJKMNPQRST"], results.Rows.Select(r => r.Code));
        Assert.Equal(["U801", "U802"], results.Rows.Select(r => r.UserId));
    }

    [Fact]
    public void A_file_without_a_code_column_names_what_it_looked_for_and_what_it_found()
    {
        var error = Assert.Throws<CredamoFileException>(() => CredamoResultsReader.Read(File("results-missing-code-column.csv"), CredamoColumnMap.Default));

        Assert.Contains("No completion code column", error.Message);
        Assert.Contains("\"完成码\"", error.Message);
        Assert.Contains("\"提交时间\"", error.Message);
    }

    [Fact]
    public void A_column_map_names_a_header_the_defaults_do_not_know()
    {
        var map = CredamoColumnMap.Default.With(responseId: null, userId: "用户ID", completionCode: "提交时间");

        var results = CredamoResultsReader.Read(File("results-missing-code-column.csv"), map);

        Assert.Equal("提交时间", results.Columns.CompletionCode);
        Assert.Equal("2026/12/1", Assert.Single(results.Rows).RawCode);
    }

    [Fact]
    public void An_undecodable_file_is_refused_with_a_clear_message()
    {
        var error = Assert.Throws<CredamoFileException>(() => CredamoResultsReader.Read(File("results-undecodable.csv"), CredamoColumnMap.Default));

        Assert.Contains("neither UTF-8 nor GB18030", error.Message);
    }

    [Fact]
    public void Binary_data_that_happens_to_decode_is_still_refused()
    {
        var bytes = new byte[] { 0x41, 0x00, 0x01, 0x42, 0x0A };

        var error = Assert.Throws<CredamoFileException>(() => CredamoResultsReader.Read(bytes, CredamoColumnMap.Default));

        Assert.Contains("binary data", error.Message);
    }

    [Fact]
    public void A_broken_Excel_file_and_an_empty_file_are_refused()
    {
        var broken = File("results.xlsx")[..200];

        Assert.Contains("Excel file cannot be read", Assert.Throws<CredamoFileException>(() => CredamoResultsReader.Read(broken, CredamoColumnMap.Default)).Message);
        Assert.Contains("empty", Assert.Throws<CredamoFileException>(() => CredamoResultsReader.Read([], CredamoColumnMap.Default)).Message);
    }
}
