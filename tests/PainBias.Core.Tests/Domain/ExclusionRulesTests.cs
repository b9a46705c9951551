using PainBias.Core.Domain;

namespace PainBias.Core.Tests.Domain;

public class ExclusionRulesTests
{
    [Fact]
    public void Each_rule_takes_one_action_and_changing_one_leaves_the_others()
    {
        var rules = ExclusionRules.Default
            .With(ExclusionReason.FailedAttention, RuleAction.Reject)
            .With(ExclusionReason.LooksEdited, RuleAction.Exclude)
            .With(ExclusionReason.TooFast, RuleAction.ReportOnly);

        Assert.Equal(RuleAction.Reject, rules.ActionFor(ExclusionReason.FailedAttention));
        Assert.Equal(RuleAction.Exclude, rules.ActionFor(ExclusionReason.LooksEdited));
        Assert.Equal(RuleAction.ReportOnly, rules.ActionFor(ExclusionReason.TooFast));
        Assert.Equal(RuleAction.Exclude, rules.ActionFor(ExclusionReason.Honeypot));
        Assert.Equal(RuleAction.ReportOnly, rules.ActionFor(ExclusionReason.SharedNetwork));
        Assert.Equal(ExclusionReason.FailedAttention, rules.RejectFor);

        // From Reject back to Exclude drops the rejection only.
        var softer = rules.With(ExclusionReason.FailedAttention, RuleAction.Exclude);
        Assert.Equal((RuleAction.Exclude, ExclusionReason.None), (softer.ActionFor(ExclusionReason.FailedAttention), softer.RejectFor));
    }

    [Theory]
    [InlineData(ExclusionReason.None, true)]
    [InlineData(ExclusionReason.TooFast, false)]
    [InlineData(ExclusionReason.Honeypot, false)]
    [InlineData(ExclusionReason.FailedAttention | ExclusionReason.ManipulationCheckFailed | ExclusionReason.LooksEdited, true)]
    [InlineData(ExclusionReason.UniformAnswers | ExclusionReason.IdenticalAnswers | ExclusionReason.SharedNetwork, true)]
    [InlineData(ExclusionReason.Preview, false)]
    [InlineData(ExclusionReason.FailedScreening, false)]
    public void The_default_rules_exclude_too_fast_and_the_honeypot_and_report_the_rest(ExclusionReason reasons, bool included) =>
        Assert.Equal(included, ExclusionRules.Default.Includes(reasons));

    [Fact]
    public void Previews_screening_failures_and_blocked_or_duplicate_workers_always_exclude()
    {
        var lenient = ExclusionRules.Configurable.Aggregate(ExclusionRules.Default, (r, rule) => r.With(rule, RuleAction.ReportOnly));
        Assert.True(lenient.Includes(ExclusionRules.Configurable.Aggregate(ExclusionReason.None, (all, r) => all | r)));
        foreach (var always in new[] { ExclusionReason.Preview, ExclusionReason.FailedScreening, ExclusionReason.DuplicateWorker, ExclusionReason.BlockedWorker })
            Assert.False(lenient.Includes(always));
    }

    [Fact]
    public void Flag_values_are_stored_bits_and_never_renumbered()
    {
        // Stored as an int bit set in every database: appending is fine, renumbering would change stored ratings.
        Assert.Equal([0, 1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 2048], Enum.GetValues<ExclusionReason>().Select(r => (int)r));
        Assert.Equal(8, ExclusionRules.Configurable.Count);
    }
}
