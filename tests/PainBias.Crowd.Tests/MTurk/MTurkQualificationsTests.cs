using PainBias.Crowd.MTurk;

namespace PainBias.Crowd.Tests.MTurk;

public sealed class MTurkQualificationsTests
{
    [Fact]
    public void System_qualification_ids_are_the_documented_ones()
    {
        Assert.Equal("000000000000000000L0", MTurkQualifications.ApprovalRateAtLeast(95).QualificationTypeId);
        Assert.Equal("00000000000000000040", MTurkQualifications.ApprovedHITsAtLeast(500).QualificationTypeId);
        Assert.Equal("00000000000000000071", MTurkQualifications.LocaleIn(new Locale { Country = "US" }).QualificationTypeId);
    }

    [Fact]
    public void One_locale_uses_EqualTo_several_use_In()
    {
        Assert.Equal(Comparator.EqualTo, MTurkQualifications.LocaleIn(new Locale { Country = "US" }).Comparator);
        Assert.Equal(Comparator.In, MTurkQualifications.LocaleIn(new Locale { Country = "US" }, new Locale { Country = "GB" }).Comparator);
        Assert.Throws<ArgumentException>(() => MTurkQualifications.LocaleIn());
    }

    [Fact]
    public void DoesNotHave_carries_no_values()
    {
        var requirement = MTurkQualifications.DoesNotHave("3TOOKPART");

        Assert.Equal(Comparator.DoesNotExist, requirement.Comparator);
        Assert.Null(requirement.IntegerValues);
        Assert.Null(requirement.LocaleValues);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(101)]
    public void Approval_rate_outside_percent_is_refused(int percent)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => MTurkQualifications.ApprovalRateAtLeast(percent));
    }

    [Theory]
    [InlineData(0.5, "0.50")]
    [InlineData(12, "12.00")]
    [InlineData(0.01, "0.01")]
    public void Amounts_are_decimal_strings_in_whole_cents(double dollars, string expected)
    {
        Assert.Equal(expected, MTurkAmount.Format((decimal)dollars));
    }

    [Fact]
    public void Fractions_of_a_cent_and_negative_amounts_are_refused()
    {
        Assert.Throws<ArgumentException>(() => MTurkAmount.Format(0.505m));
        Assert.Throws<ArgumentOutOfRangeException>(() => MTurkAmount.Format(-1m));
    }
}
