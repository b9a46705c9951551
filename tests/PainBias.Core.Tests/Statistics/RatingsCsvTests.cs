using PainBias.Core.Domain;
using PainBias.Core.Statistics;

namespace PainBias.Core.Tests.Statistics;

public sealed class RatingsCsvTests
{
    private const string Header = "platform,assessor_id,subject_id,gender,orig_race,orig_age,variant,perceived_race,perceived_age,au4,au6,au7,au9,au10,au43,pspi";

    [Fact]
    public void Reads_a_valid_row()
    {
        var rows = RatingsCsv.Read(new StringReader(Header + "\nAMT,A1,S001,M,B,S,skin,W,S,2,3,2,3,1,1,9\n"));

        var r = Assert.Single(rows);
        Assert.Equal(("AMT", "A1", "S001"), (r.Platform, r.AssessorId, r.SubjectId));
        Assert.Equal((Gender.M, Race.B, AgeGroup.Senior, Condition.SkinTone), (r.Gender, r.OriginalRace, r.OriginalAge, r.Condition));
        Assert.Equal((Race.W, AgeGroup.Senior, 9), (r.PerceivedRace, r.PerceivedAge, r.Pspi));
    }

    [Theory]
    [InlineData("AMT,A1,S001,X,B,S,skin,W,S,2,3,2,3,1,1,9", "column gender")]
    [InlineData("AMT,A1,S001,M,B,S,skin,B,S,2,3,2,3,1,1,9", "column perceived_race")]
    [InlineData("AMT,A1,S001,M,B,S,age,B,S,2,3,2,3,1,1,9", "column perceived_age")]
    [InlineData("AMT,A1,S001,M,B,S,skin,W,S,2,3,2,3,1,1,10", "column pspi")]
    [InlineData("AMT,A1,S001,M,B,S,skin,W,S,two,3,2,3,1,1,9", "column au4")]
    [InlineData("AMT,A1,S001,M,B,S,skin,W,S,2,3,2,3,1,2,9", "au43")]
    [InlineData("AMT,,S001,M,B,S,skin,W,S,2,3,2,3,1,1,9", "column assessor_id")]
    [InlineData("AMT,A1,S001,M,B,S,skin,W,S,2,3,2,3,1,1", "expected 16 fields")]
    [InlineData("\"AMT\",A1,S001,M,B,S,skin,W,S,2,3,2,3,1,1,9", "quoted")]
    public void Bad_values_name_the_line_and_column(string row, string mention)
    {
        var error = Assert.Throws<RatingsCsvException>(() => RatingsCsv.Read(new StringReader(Header + "\n" + row + "\n")));

        Assert.StartsWith("Line 2", error.Message);
        Assert.Contains(mention, error.Message);
    }

    [Fact]
    public void Missing_columns_are_listed()
    {
        var error = Assert.Throws<RatingsCsvException>(() => RatingsCsv.Read(new StringReader("platform,assessor_id\n")));

        Assert.StartsWith("Line 1", error.Message);
        Assert.Contains("subject_id", error.Message);
        Assert.Contains("pspi", error.Message);
    }
}
