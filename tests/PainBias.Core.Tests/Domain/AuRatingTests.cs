using PainBias.Core.Domain;

namespace PainBias.Core.Tests.Domain;

public class AuRatingTests
{
    public static TheoryData<int, int, int, int, int, int, int> Valid => new()
    {
        // au4, au6, au7, au9, au10, au43, expected PSPI
        { 0, 0, 0, 0, 0, 0, 0 },
        { 5, 5, 5, 5, 5, 1, 16 },
        { 1, 0, 0, 0, 0, 0, 1 },
        { 0, 3, 1, 0, 0, 0, 3 },   // max(AU6, AU7) takes AU6
        { 0, 1, 4, 0, 0, 0, 4 },   // max(AU6, AU7) takes AU7
        { 0, 0, 0, 2, 5, 0, 5 },   // max(AU9, AU10) takes AU10
        { 0, 0, 0, 5, 2, 0, 5 },   // max(AU9, AU10) takes AU9
        { 0, 0, 0, 0, 0, 1, 1 },
        { 2, 3, 2, 1, 1, 1, 7 },   // first row of the reference fixture
        { 5, 0, 5, 0, 5, 0, 15 },
    };

    [Theory]
    [MemberData(nameof(Valid))]
    public void Pspi_follows_the_Prkachin_Solomon_formula(int au4, int au6, int au7, int au9, int au10, int au43, int pspi)
    {
        var rating = AuRating.Create(au4, au6, au7, au9, au10, au43);
        Assert.Equal(pspi, rating.Pspi);
        Assert.InRange(rating.Pspi, 0, AuRating.MaxPspi);
    }

    public static TheoryData<string, int, int, int, int, int, int> Invalid => new()
    {
        { "au4", -1, 0, 0, 0, 0, 0 },
        { "au4", 6, 0, 0, 0, 0, 0 },
        { "au6", 0, -1, 0, 0, 0, 0 },
        { "au6", 0, 6, 0, 0, 0, 0 },
        { "au7", 0, 0, -1, 0, 0, 0 },
        { "au7", 0, 0, 6, 0, 0, 0 },
        { "au9", 0, 0, 0, -1, 0, 0 },
        { "au9", 0, 0, 0, 6, 0, 0 },
        { "au10", 0, 0, 0, 0, -1, 0 },
        { "au10", 0, 0, 0, 0, 6, 0 },
        { "au43", 0, 0, 0, 0, 0, -1 },
        { "au43", 0, 0, 0, 0, 0, 2 },
        { "au43", 0, 0, 0, 0, 0, 5 },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Out_of_range_values_are_rejected_naming_the_field(string field, int au4, int au6, int au7, int au9, int au10, int au43)
    {
        var ex = Assert.Throws<AuValidationException>(() => AuRating.Create(au4, au6, au7, au9, au10, au43));
        var error = Assert.Single(ex.Errors);
        Assert.Equal(field, error.Field);
        Assert.Contains(field, ex.Message);

        Assert.False(AuRating.TryCreate(au4, au6, au7, au9, au10, au43, out var rating, out var errors));
        Assert.Null(rating);
        Assert.Equal(field, Assert.Single(errors).Field);
    }

    [Fact]
    public void Every_bad_field_is_reported_at_once()
    {
        var ex = Assert.Throws<AuValidationException>(() => AuRating.Create(9, 0, 9, 0, 0, 3));
        Assert.Equal(["au4", "au7", "au43"], ex.Errors.Select(e => e.Field));
    }

    [Theory]
    [InlineData(ActionUnit.Au4, 5)]
    [InlineData(ActionUnit.Au10, 5)]
    [InlineData(ActionUnit.Au43, 1)]
    public void Indexer_and_limits_agree(ActionUnit au, int max)
    {
        Assert.Equal(max, au.MaxValue());
        var rating = AuRating.Create(5, 5, 5, 5, 5, 1);
        Assert.Equal(max, rating[au]);
    }
}
