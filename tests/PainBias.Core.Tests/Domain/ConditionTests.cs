using PainBias.Core.Domain;

namespace PainBias.Core.Tests.Domain;

public class ConditionTests
{
    [Theory]
    [InlineData(Condition.Original, Race.W, AgeGroup.Young, Race.W, AgeGroup.Young)]
    [InlineData(Condition.SkinTone, Race.W, AgeGroup.Young, Race.B, AgeGroup.Young)]
    [InlineData(Condition.Age, Race.W, AgeGroup.Young, Race.W, AgeGroup.Senior)]
    [InlineData(Condition.SkinToneAge, Race.W, AgeGroup.Young, Race.B, AgeGroup.Senior)]
    [InlineData(Condition.Original, Race.B, AgeGroup.Senior, Race.B, AgeGroup.Senior)]
    [InlineData(Condition.SkinTone, Race.B, AgeGroup.Senior, Race.W, AgeGroup.Senior)]
    [InlineData(Condition.Age, Race.B, AgeGroup.Senior, Race.B, AgeGroup.Young)]
    [InlineData(Condition.SkinToneAge, Race.B, AgeGroup.Senior, Race.W, AgeGroup.Young)]
    public void Perceived_attributes_follow_from_source_and_condition(
        Condition condition, Race race, AgeGroup age, Race perceivedRace, AgeGroup perceivedAge)
    {
        Assert.Equal(perceivedRace, condition.PerceivedRace(race));
        Assert.Equal(perceivedAge, condition.PerceivedAge(age));
    }

    [Theory]
    [InlineData(Condition.Original, Condition.SkinTone, Condition.Age)]
    [InlineData(Condition.SkinTone, Condition.Original, Condition.SkinToneAge)]
    [InlineData(Condition.Age, Condition.SkinToneAge, Condition.Original)]
    [InlineData(Condition.SkinToneAge, Condition.Age, Condition.SkinTone)]
    public void Counterparts_differ_in_exactly_one_attribute(Condition c, Condition skin, Condition age)
    {
        Assert.Equal(skin, c.SkinToneCounterpart());
        Assert.Equal(age, c.AgeCounterpart());
        Assert.NotEqual(c.ChangesSkinTone(), skin.ChangesSkinTone());
        Assert.Equal(c.ChangesAge(), skin.ChangesAge());
        Assert.Equal(c.ChangesSkinTone(), age.ChangesSkinTone());
        Assert.NotEqual(c.ChangesAge(), age.ChangesAge());
    }

    [Theory]
    [InlineData("original", Condition.Original)]
    [InlineData("skin", Condition.SkinTone)]
    [InlineData(" Skin_Tone ", Condition.SkinTone)]
    [InlineData("age", Condition.Age)]
    [InlineData("skin_age", Condition.SkinToneAge)]
    public void Codes_round_trip(string code, Condition expected)
    {
        Assert.True(ConditionExtensions.TryParseCode(code, out var parsed));
        Assert.Equal(expected, parsed);
        Assert.True(ConditionExtensions.TryParseCode(parsed.Code(), out var again));
        Assert.Equal(parsed, again);
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("darker")]
    public void Unknown_codes_are_refused(string? code) => Assert.False(ConditionExtensions.TryParseCode(code, out _));
}
