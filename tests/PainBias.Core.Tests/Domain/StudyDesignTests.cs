using PainBias.Core.Domain;

namespace PainBias.Core.Tests.Domain;

public class StudyDesignTests
{
    [Fact]
    public void Reference_design_matches_the_study()
    {
        var d = StudyDesign.Reference;
        Assert.Equal(5, d.QuotaFor(Platform.MTurk));
        Assert.Equal(3, d.QuotaFor(Platform.Credamo));
        Assert.Equal(1, d.ImagesPerAssessor);
    }

    [Theory]
    [InlineData(0, 1, 30, "RatingsPerVariant")]
    [InlineData(5, 0, 30, "ImagesPerAssessor")]
    [InlineData(5, 5, 30, "ImagesPerAssessor")]
    [InlineData(5, 1, 0, "HoldDuration")]
    public void Invalid_designs_name_the_setting(int k, int perAssessor, int holdMinutes, string param)
    {
        var ex = Assert.ThrowsAny<ArgumentException>(() => new StudyDesign(
            new Dictionary<Platform, int> { [Platform.MTurk] = k }, perAssessor, TimeSpan.FromMinutes(holdMinutes)));
        Assert.Equal(param, ex.ParamName);
    }

    [Fact]
    public void Platforms_without_quota_get_zero()
    {
        var d = new StudyDesign(new Dictionary<Platform, int> { [Platform.Credamo] = 3 }, 1, TimeSpan.FromMinutes(5));
        Assert.Equal(0, d.QuotaFor(Platform.MTurk));
    }
}
