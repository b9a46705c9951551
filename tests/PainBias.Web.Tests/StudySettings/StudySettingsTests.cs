using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PainBias.Core.Domain;
using PainBias.Data;
using PainBias.TestSupport;
using PainBias.Web.Features.AssessorTask;
using PainBias.Web.Features.StudySettings;
using PainBias.Web.Hosting;
using PainBias.Web.Tests.AssessorTask;
using static PainBias.Web.Tests.AssessorTask.TaskTestData;

namespace PainBias.Web.Tests.StudySettings;

/// <summary>The settings and screening pages and their handlers: validation, ownership, audit, gold items; both providers.</summary>
[Collection(TaskWebCollection.Name)]
public sealed class StudySettingsTests(TaskWebFixture fixture)
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Out_of_range_settings_are_named_per_field_and_nothing_is_stored(DatabaseProvider provider)
    {
        var host = await fixture.HostAsync(provider);
        var seeded = await StudyAsync(host);
        var owner = new Actor(seeded.Study.OwnerId, IsAdmin: false);
        var handler = Handler(host);
        var form = (await handler.LoadAsync(seeded.Study.Id, owner, CancellationToken.None))!.Form;
        (form.ImagesPerAssessor, form.MinSecondsPerRating, form.HoldMinutes, form.RatingsPerVariantMTurk, form.MaxSessionsPerNetwork) = (0, -1, 100_000, 101, 0);
        form.Rules[ExclusionReason.FailedAttention] = (RuleAction)7;
        form.Rules[ExclusionReason.Preview] = RuleAction.ReportOnly;

        var result = await handler.HandleAsync(seeded.Study.Id, form, owner, CancellationToken.None);

        Assert.False(result.Saved);
        Assert.Equal(
            ["HoldMinutes", "ImagesPerAssessor", "MaxSessionsPerNetwork", "MinSecondsPerRating", "RatingsPerVariantMTurk", "Rules.FailedAttention", "Rules.Preview"],
            result.Errors.Keys.Order());
        Assert.Equal("Images per assessor must be 1..4 (was 0).", result.Errors["ImagesPerAssessor"]);
        await using var db = await host.Database.ContextAsync();
        var study = await db.Studies.SingleAsync(s => s.Id == seeded.Study.Id);
        Assert.Equal((1, 0, 30, 3, 3), (study.ImagesPerAssessor, study.MinSecondsPerRating, study.HoldMinutes, study.RatingsPerVariantMTurk, study.MaxSessionsPerNetwork));
        Assert.Equal(ExclusionRules.Default, study.Rules());
        Assert.False(await db.AuditEntries.AnyAsync(e => e.TargetId == seeded.Study.Id.ToString()));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Settings_are_saved_and_audited_and_only_own_studies_can_be_linked(DatabaseProvider provider)
    {
        var host = await fixture.HostAsync(provider);
        var mine = await StudyAsync(host);
        var theirs = await StudyAsync(host); // another owner
        var owner = new Actor(mine.Study.OwnerId, IsAdmin: false);
        var handler = Handler(host);

        var form = (await handler.LoadAsync(mine.Study.Id, owner, CancellationToken.None))!.Form;
        form.LinkedStudyIds.Add(theirs.Study.Id);
        var refused = await handler.HandleAsync(mine.Study.Id, form, owner, CancellationToken.None);
        Assert.Equal("Only your own existing studies can be linked.", refused.Errors["LinkedStudyIds"]);
        form.LinkedStudyIds = [mine.Study.Id];
        Assert.Equal("A study cannot be linked to itself.", (await handler.HandleAsync(mine.Study.Id, form, owner, CancellationToken.None)).Errors["LinkedStudyIds"]);
        // Someone else's study cannot even be read or saved.
        Assert.Null(await handler.LoadAsync(theirs.Study.Id, owner, CancellationToken.None));
        Assert.False((await handler.HandleAsync(theirs.Study.Id, form, owner, CancellationToken.None)).Found);

        form.LinkedStudyIds = [];
        (form.ImagesPerAssessor, form.MinSecondsPerRating, form.HoldMinutes, form.RatingsPerVariantCredamo) = (2, 8, 45, 4);
        form.Rules[ExclusionReason.ManipulationCheckFailed] = RuleAction.Reject;
        Assert.True((await handler.HandleAsync(mine.Study.Id, form, owner, CancellationToken.None)).Saved);

        await using var db = await host.Database.ContextAsync();
        Assert.Empty(await db.StudyLinks.Where(l => l.StudyId == mine.Study.Id || l.LinkedStudyId == mine.Study.Id).ToListAsync());
        var study = await db.Studies.SingleAsync(s => s.Id == mine.Study.Id);
        Assert.Equal((2, 8, 45, 4), (study.ImagesPerAssessor, study.MinSecondsPerRating, study.HoldMinutes, study.RatingsPerVariantCredamo));
        Assert.Equal(RuleAction.Reject, study.Rules().ActionFor(ExclusionReason.ManipulationCheckFailed));
        Assert.False(study.Rules().Includes(ExclusionReason.ManipulationCheckFailed));
        var audit = await db.AuditEntries.SingleAsync(e => e.TargetId == mine.Study.Id.ToString());
        Assert.Equal(("study.settings.update", owner.UserId), (audit.Action, audit.ActorId));
        Assert.Contains("images 1, min 0s, hold 30min", audit.Details);
        Assert.Contains("→ images 2, min 8s, hold 45min", audit.Details);
        Assert.Contains("ManipulationCheckFailed=Reject", audit.Details);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Gold_items_are_added_from_this_studys_variants_only_listed_and_removed(DatabaseProvider provider)
    {
        var host = await fixture.HostAsync(provider);
        var mine = await StudyAsync(host, faces: 1);
        var theirs = await StudyAsync(host, faces: 1);
        var owner = new Actor(mine.Study.OwnerId, IsAdmin: false);
        await using var scope = host.Services.CreateAsyncScope();
        var add = scope.ServiceProvider.GetRequiredService<AddGoldItem.Handler>();
        var gold = scope.ServiceProvider.GetRequiredService<GoldItems>();

        var foreign = await add.HandleAsync(new AddGoldItem.Command(mine.Study.Id, theirs.Variants[0].Id, 1, 2, 3, 0, 1, 0), owner, CancellationToken.None);
        Assert.Equal(["variantId must be an image of this study."], foreign.Errors);
        var outOfRange = await add.HandleAsync(new AddGoldItem.Command(mine.Study.Id, mine.Variants[0].Id, 6, 2, 3, 0, 1, 0, Tolerance: 9), owner, CancellationToken.None);
        Assert.Equal(2, outOfRange.Errors.Count);
        Assert.Contains("tolerance must be 0..5 intensity steps.", outOfRange.Errors);
        Assert.Empty((await gold.LoadAsync(mine.Study.Id, owner, CancellationToken.None))!.Items);

        var first = (await add.HandleAsync(new AddGoldItem.Command(mine.Study.Id, mine.Variants[0].Id, 1, 2, 3, 0, 1, 0), owner, CancellationToken.None)).Id!.Value;
        var second = (await add.HandleAsync(new AddGoldItem.Command(mine.Study.Id, mine.Variants[1].Id, 4, 4, 4, 1, 1, 1, Tolerance: 0), owner, CancellationToken.None)).Id!.Value;
        var view = (await gold.LoadAsync(mine.Study.Id, owner, CancellationToken.None))!;
        Assert.Equal([first, second], view.Items.Select(i => i.Id));
        Assert.Equal($"S000 · {mine.Variants[1].Condition}", view.Items[1].Image);
        Assert.Equal(4, view.Variants.Count);

        // Someone else cannot remove it; the owner can, and the rest closes up the order.
        Assert.False(await gold.RemoveAsync(mine.Study.Id, first, new Actor(theirs.Study.OwnerId, false), CancellationToken.None));
        Assert.False(await gold.RemoveAsync(theirs.Study.Id, first, owner, CancellationToken.None));
        Assert.True(await gold.RemoveAsync(mine.Study.Id, first, owner, CancellationToken.None));
        var left = Assert.Single((await gold.LoadAsync(mine.Study.Id, owner, CancellationToken.None))!.Items);
        Assert.Equal((second, 0, 0), (left.Id, left.Order, left.Tolerance));

        await using var db = await host.Database.ContextAsync();
        Assert.Equal(["study.gold.add", "study.gold.add", "study.gold.remove"],
            (await db.AuditEntries.Where(e => e.TargetId == mine.Study.Id.ToString()).ToListAsync()).OrderBy(e => e.At).ThenBy(e => e.Action).Select(e => e.Action));
    }

    [Fact]
    public async Task The_settings_and_screening_pages_render_for_a_signed_in_researcher_and_the_study_nav_links_them()
    {
        var host = await fixture.HostAsync(DatabaseProvider.Sqlite);
        var seeded = await StudyAsync(host, faces: 1);
        var admin = await SignInAsAdminAsync(host);

        var settings = await admin.GetAsync($"/studies/{seeded.Study.Id}/settings");
        Assert.Equal(HttpStatusCode.OK, settings.StatusCode);
        var html = WebUtility.HtmlDecode(await settings.Content.ReadAsStringAsync());
        Assert.Contains("Which checks exclude", html);
        foreach (var rule in ExclusionRules.Configurable)
            Assert.Contains(RuleLabels.Label(rule), html);
        Assert.Contains($"href=\"/studies/{seeded.Study.Id}/screening\"", html);

        var screening = WebUtility.HtmlDecode(await admin.GetStringAsync($"/studies/{seeded.Study.Id}/screening"));
        Assert.Contains("Add a gold face", screening);
        Assert.Contains($"href=\"/studies/{seeded.Study.Id}/settings\"", screening);

        // Signed out: the sign-in page, not the settings.
        var anonymous = await host.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false })
            .GetAsync($"/studies/{seeded.Study.Id}/settings");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
    }

    private static SaveStudySettings.Handler Handler(TaskWebFactory host) =>
        host.Services.CreateScope().ServiceProvider.GetRequiredService<SaveStudySettings.Handler>();
}
