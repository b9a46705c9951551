using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PainBias.Core.Domain;
using PainBias.Data;
using PainBias.Data.Entities;
using PainBias.TestSupport;
using PainBias.Web.Features.StudySettings;
using PainBias.Web.Hosting;
using static PainBias.Web.Tests.AssessorTask.TaskTestData;

namespace PainBias.Web.Tests.AssessorTask;

/// <summary>
/// The rating's checks and bot signals, stored as flags at submit, and the study's rules deciding which exclude — also
/// for ratings already stored when a rule changes. Through real form posts, on both providers.
/// </summary>
[Collection(TaskWebCollection.Name)]
public sealed class TaskChecksTests(TaskWebFixture fixture)
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Each_check_is_a_stored_flag_and_the_default_rules_exclude_only_the_honeypot(DatabaseProvider provider)
    {
        var host = await fixture.HostAsync(provider);
        var seeded = await StudyAsync(host, faces: 1);

        // Attention failed, race and age both wrong for the variant, "looks edited", honeypot filled: one rating each.
        // Distinct AU4 values, so that no two ratings share an answer vector.
        var careless = await RateAsync(host, seeded, browser => Answers(browser, seeded, attention: "very", au4: "1"));
        var wrongGroup = await RateAsync(host, seeded, browser => Answers(browser, seeded, matchGroup: false, au4: "2"));
        var edited = await RateAsync(host, seeded, browser => Answers(browser, seeded, looksEdited: "yes", au4: "3"));
        var bot = await RateAsync(host, seeded, browser => Answers(browser, seeded, honeypot: "http://spam.example", au4: "4"));

        await using var db = await host.Database.ContextAsync();
        var ratings = await db.Assessments.Where(a => a.StudyId == seeded.Study.Id).ToDictionaryAsync(a => a.WorkerId);
        Assert.Equal((ExclusionReason.FailedAttention, true), (ratings[careless].ExclusionReasons, ratings[careless].Included));
        Assert.Equal((ExclusionReason.ManipulationCheckFailed, true), (ratings[wrongGroup].ExclusionReasons, ratings[wrongGroup].Included));
        Assert.Equal((ExclusionReason.LooksEdited, true), (ratings[edited].ExclusionReasons, ratings[edited].Included));
        Assert.Equal((ExclusionReason.Honeypot, false), (ratings[bot].ExclusionReasons, ratings[bot].Included));
    }

    [Fact]
    public async Task The_rating_page_has_a_honeypot_that_no_person_sees()
    {
        var host = await fixture.HostAsync(DatabaseProvider.Sqlite);
        var seeded = await StudyAsync(host, faces: 1);
        var browser = await ToRatingAsync(host, DirectLink(host, seeded.Study.Id));
        // A text field (bots fill those), empty, hidden from screen readers and the tab order; task.css moves it off-screen.
        Assert.Matches("<div class=\"task-hp\" aria-hidden=\"true\"><label>Website <input type=\"text\" name=\"Form.Website\" value tabindex=\"-1\"", browser.Html);
        Assert.DoesNotContain("Form.Website", TaskBrowser.HiddenFields(browser.Html).Keys);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_rule_change_reevaluates_stored_ratings_and_reopens_or_closes_their_slots(DatabaseProvider provider)
    {
        var host = await fixture.HostAsync(provider);
        var seeded = await StudyAsync(host, faces: 1, k: 1);
        // Four variants, k = 1: four ratings fill the study; one of them failed the attention item.
        var careless = await RateAsync(host, seeded, browser => Answers(browser, seeded, attention: "very"));
        for (var i = 0; i < 3; i++)
            await RateAsync(host, seeded, browser => Answers(browser, seeded, au4: $"{i + 1}"));
        Assert.Contains("No task available", (await ToStudyFullAsync(host, seeded)).Html);

        var owner = new Actor(seeded.Study.OwnerId, IsAdmin: false);
        var result = await SaveRuleAsync(host, seeded.Study.Id, owner, ExclusionReason.FailedAttention, RuleAction.Exclude);
        Assert.True(result.Saved);
        Assert.Equal(new Reevaluation(4, 1, 0), result.Reevaluation);

        Guid carelessVariant;
        await using (var db = await host.Database.ContextAsync())
        {
            var rating = await db.Assessments.SingleAsync(a => a.WorkerId == careless);
            Assert.Equal((false, ExclusionReason.FailedAttention), (rating.Included, rating.ExclusionReasons));
            carelessVariant = rating.VariantId;
            Assert.Equal("study.settings.update", (await db.AuditEntries.SingleAsync(e => e.TargetId == seeded.Study.Id.ToString())).Action);
        }
        // The excluded rating's slot is open again: the next assessor gets exactly that variant.
        var next = await ToRatingAsync(host, DirectLink(host, seeded.Study.Id));
        Assert.Equal(carelessVariant, Guid.Parse(TaskBrowser.HiddenFields(next.Html)["Form.VariantId"]));

        // Back to report only: the rating counts again (kept, never deleted) and no further slot opens.
        result = await SaveRuleAsync(host, seeded.Study.Id, owner, ExclusionReason.FailedAttention, RuleAction.ReportOnly);
        Assert.Equal(new Reevaluation(4, 0, 1), result.Reevaluation);
        await next.SubmitAsync(Answers(next, seeded));
        Assert.Contains("No task available", (await ToStudyFullAsync(host, seeded)).Html);
        await using var after = await host.Database.ContextAsync();
        Assert.Equal(5, await after.Assessments.CountAsync(a => a.StudyId == seeded.Study.Id && a.Included));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Uniform_and_identical_answers_are_flagged_on_every_rating_they_match(DatabaseProvider provider)
    {
        var host = await fixture.HostAsync(provider);
        var seeded = await StudyAsync(host, faces: 2);
        // The same race and age answers whatever the variant: only the AUs tell the ratings apart.
        var straight = await RateAsync(host, seeded, browser => Answers(browser, seeded, au4: "2", au6: "2", au7: "2", au9: "2", au10: "2", group: (Race.W, AgeGroup.Young)));
        var first = await RateAsync(host, seeded, browser => Answers(browser, seeded, au4: "4", group: (Race.W, AgeGroup.Young)));
        var copy = await RateAsync(host, seeded, browser => Answers(browser, seeded, au4: "4", group: (Race.W, AgeGroup.Young)));
        var other = await RateAsync(host, seeded, browser => Answers(browser, seeded, au4: "5", group: (Race.W, AgeGroup.Young)));

        await using var db = await host.Database.ContextAsync();
        var ratings = await db.Assessments.Where(a => a.StudyId == seeded.Study.Id).ToDictionaryAsync(a => a.WorkerId);
        // (The manipulation check may or may not fail, depending on the variant each drew.)
        Assert.Equal(ExclusionReason.UniformAnswers, ratings[straight].ExclusionReasons & ~ExclusionReason.ManipulationCheckFailed);
        Assert.Equal(ExclusionReason.IdenticalAnswers, ratings[first].ExclusionReasons & ~ExclusionReason.ManipulationCheckFailed);
        Assert.Equal(ExclusionReason.IdenticalAnswers, ratings[copy].ExclusionReasons & ~ExclusionReason.ManipulationCheckFailed);
        Assert.Equal(ExclusionReason.None, ratings[other].ExclusionReasons & ~ExclusionReason.ManipulationCheckFailed);
        Assert.All(ratings.Values, r => Assert.True(r.Included));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task More_sessions_from_one_address_than_allowed_flag_all_their_ratings_and_only_a_hash_is_stored(DatabaseProvider provider)
    {
        var host = await fixture.HostAsync(provider);
        var seeded = await StudyAsync(host, faces: 2);
        var owner = new Actor(seeded.Study.OwnerId, IsAdmin: false);
        var shared = new List<Guid>();
        for (var i = 0; i < 3; i++)
            shared.Add(await RateAsync(host, seeded, browser => Answers(browser, seeded, au4: $"{i}"), address: "203.0.113.7"));
        var elsewhere = await RateAsync(host, seeded, browser => Answers(browser, seeded, au4: "4"), address: "198.51.100.1");
        // Allowed: 3 per address. A fourth session from it flags all four, and an exclude rule removes them.
        await SaveRuleAsync(host, seeded.Study.Id, owner, ExclusionReason.SharedNetwork, RuleAction.Exclude);
        shared.Add(await RateAsync(host, seeded, browser => Answers(browser, seeded, au4: "5"), address: "203.0.113.7"));

        await using var db = await host.Database.ContextAsync();
        var ratings = await db.Assessments.Where(a => a.StudyId == seeded.Study.Id).ToDictionaryAsync(a => a.WorkerId);
        Assert.All(shared, w => Assert.Equal((ExclusionReason.SharedNetwork, false), (ratings[w].ExclusionReasons, ratings[w].Included)));
        Assert.Equal((ExclusionReason.None, true), (ratings[elsewhere].ExclusionReasons, ratings[elsewhere].Included));
        var hashes = await db.TaskSessions.Where(s => s.StudyId == seeded.Study.Id).Select(s => s.NetworkHash).ToListAsync();
        Assert.Equal(2, hashes.Distinct().Count());
        Assert.All(hashes, h => Assert.Matches("^[0-9a-f]{64}$", h));
        // Keyed, not a bare hash of the address that anyone could recompute. (Hex digits may spell "203" by chance.)
        var bare = new[] { "203.0.113.7", "198.51.100.1" }.Select(a => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Net.IPAddress.Parse(a).GetAddressBytes())));
        Assert.Empty(hashes.Intersect(bare));

        // Raising the limit to 4 clears the flag on the stored ratings; they count again.
        var form = (await Settings(host).LoadAsync(seeded.Study.Id, owner, CancellationToken.None))!.Form;
        form.MaxSessionsPerNetwork = 4;
        Assert.Equal(new Reevaluation(5, 0, 4), (await Settings(host).HandleAsync(seeded.Study.Id, form, owner, CancellationToken.None)).Reevaluation);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_worker_of_a_linked_study_is_refused_politely_in_either_direction(DatabaseProvider provider)
    {
        var host = await fixture.HostAsync(provider);
        var first = await StudyAsync(host, faces: 1);
        Guid secondId;
        await using (var db = await host.Database.ContextAsync())
        {
            // A second study of the same researcher.
            var second = await TestData.AddStudyAsync(db, first.Study.OwnerId, faces: 1);
            (await db.Studies.SingleAsync(s => s.Id == second.Study.Id)).MinSecondsPerRating = 0;
            await db.SaveChangesAsync();
            secondId = second.Study.Id;
        }
        var worker = "A" + Guid.NewGuid().ToString("N")[..12].ToUpperInvariant();
        await ToRatingAsync(host, MTurkEntry(first.Study.Id, worker, "ASG-A"));

        var owner = new Actor(first.Study.OwnerId, IsAdmin: false);
        var form = (await Settings(host).LoadAsync(secondId, owner, CancellationToken.None))!.Form;
        form.LinkedStudyIds.Add(first.Study.Id);
        Assert.True((await Settings(host).HandleAsync(secondId, form, owner, CancellationToken.None)).Saved);

        var refused = await Browser(host).OpenAsync(MTurkEntry(secondId, worker, "ASG-B"));
        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        Assert.Contains("You have already taken part in a related study", refused.Html);
        // A new worker is welcome; and the link works backwards: a worker of the second study is refused by the first.
        var newcomer = "A" + Guid.NewGuid().ToString("N")[..12].ToUpperInvariant();
        await ToRatingAsync(host, MTurkEntry(secondId, newcomer, "ASG-C"));
        Assert.Equal(HttpStatusCode.Forbidden, (await Browser(host).OpenAsync(MTurkEntry(first.Study.Id, newcomer, "ASG-D"))).Status);

        await using var after = await host.Database.ContextAsync();
        Assert.False(await after.TaskSessions.AnyAsync(s => s.StudyId == secondId && s.AssignmentId == "ASG-B"));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Two_entries_into_linked_studies_at_once_leave_the_worker_only_the_first_at_the_first_slot(DatabaseProvider provider)
    {
        var host = await fixture.HostAsync(provider);
        var first = await StudyAsync(host, faces: 1);
        var second = await StudyAsync(host, faces: 1);
        var worker = "A" + Guid.NewGuid().ToString("N")[..12].ToUpperInvariant();
        // Both entries passed the entry check (neither session existed yet): the later one is in consent now.
        var later = Browser(host);
        await later.OpenAsync(MTurkEntry(second.Study.Id, worker, "ASG-2"));
        await using (var db = await host.Database.ContextAsync())
        {
            var session = await db.TaskSessions.SingleAsync(s => s.Id == later.SessionId);
            session.CreatedAt = session.CreatedAt.AddSeconds(1);
            db.StudyLinks.Add(new StudyLink { StudyId = first.Study.Id, LinkedStudyId = second.Study.Id, CreatedAt = DateTime.UtcNow, CreatedBy = first.Study.OwnerId });
            await db.SaveChangesAsync();
            db.TaskSessions.Add(new TaskSession
            {
                Id = Guid.NewGuid(), StudyId = first.Study.Id, WorkerId = session.WorkerId, Platform = Platform.MTurk, Culture = "en",
                Step = TaskStep.Consent, CreatedAt = session.CreatedAt.AddSeconds(-1), AssignmentId = "ASG-1",
            });
            await db.SaveChangesAsync();
        }

        await later.SubmitAsync(new Dictionary<string, string?> { ["Form.Consent"] = "yes" });
        await later.SubmitAsync();
        Assert.Contains("You have already taken part in a related study", later.Html);
        // The earlier session goes on to its slot as usual.
        await ToRatingAsync(host, MTurkEntry(first.Study.Id, worker, "ASG-1"));

        await using var after = await host.Database.ContextAsync();
        Assert.Equal(TaskStep.LinkedStudy, (await after.TaskSessions.SingleAsync(s => s.Id == later.SessionId)).Step);
        Assert.False(await after.Reservations.AnyAsync(r => r.StudyId == second.Study.Id));
        Assert.True(await after.Reservations.AnyAsync(r => r.StudyId == first.Study.Id));
    }

    private static string MTurkEntry(Guid studyId, string worker, string assignment) =>
        $"/task/mturk/{studyId}?assignmentId={assignment}&hitId=HIT1&workerId={worker}&turkSubmitTo=https%3A%2F%2Fworkersandbox.mturk.com";

    private static SaveStudySettings.Handler Settings(TaskWebFactory host) =>
        host.Services.CreateScope().ServiceProvider.GetRequiredService<SaveStudySettings.Handler>();

    private static async Task<SaveStudySettings.Result> SaveRuleAsync(TaskWebFactory host, Guid studyId, Actor owner, ExclusionReason rule, RuleAction action)
    {
        var form = (await Settings(host).LoadAsync(studyId, owner, CancellationToken.None))!.Form;
        form.Rules[rule] = action;
        return await Settings(host).HandleAsync(studyId, form, owner, CancellationToken.None);
    }

    private static async Task<TaskBrowser> ToStudyFullAsync(TaskWebFactory host, TestData.SeededStudy seeded)
    {
        var browser = Browser(host);
        await browser.OpenAsync(DirectLink(host, seeded.Study.Id));
        await browser.SubmitAsync(new Dictionary<string, string?> { ["Form.Consent"] = "yes" });
        return await browser.SubmitAsync();
    }

    /// <summary>One new assessor through the task to a stored rating; returns the worker's id.</summary>
    private static async Task<Guid> RateAsync(
        TaskWebFactory host, TestData.SeededStudy seeded, Func<TaskBrowser, Dictionary<string, string?>> answers, string? address = null)
    {
        var client = host.CreateClient();
        if (address is not null)
            client.DefaultRequestHeaders.Add(TaskWebFactory.ClientAddressHeader, address);
        var browser = new TaskBrowser(client);
        await browser.OpenAsync(DirectLink(host, seeded.Study.Id));
        await browser.SubmitAsync(new Dictionary<string, string?> { ["Form.Consent"] = "yes" });
        await browser.SubmitAsync();
        await browser.SubmitAsync(answers(browser));
        Assert.Contains("Your completion code:", browser.Html);
        await using var db = await host.Database.ContextAsync();
        return await db.TaskSessions.Where(s => s.Id == browser.SessionId).Select(s => s.WorkerId).SingleAsync();
    }

    /// <summary>A valid rating whose race and age answers match the variant shown, unless told otherwise.</summary>
    private static Dictionary<string, string?> Answers(
        TaskBrowser browser, TestData.SeededStudy seeded, string attention = "slightly", bool matchGroup = true, string looksEdited = "no",
        string? honeypot = null, string au4 = "3", string au6 = "1", string au7 = "2", string au9 = "0", string au10 = "1",
        (Race, AgeGroup)? group = null)
    {
        var variant = seeded.Variants.Single(v => v.Id == Guid.Parse(TaskBrowser.HiddenFields(browser.Html)["Form.VariantId"]));
        var face = seeded.Faces.Single(f => f.Id == variant.SourceFaceId);
        var race = variant.Condition.PerceivedRace(face.Race);
        var age = variant.Condition.PerceivedAge(face.AgeGroup);
        if (!matchGroup)
            (race, age) = (race == Race.W ? Race.B : Race.W, age == AgeGroup.Young ? AgeGroup.Senior : AgeGroup.Young);
        (race, age) = group ?? (race, age);
        var answers = Rating();
        (answers["Form.Au4"], answers["Form.Au6"], answers["Form.Au7"], answers["Form.Au9"], answers["Form.Au10"]) = (au4, au6, au7, au9, au10);
        answers["Form.Attention"] = attention;
        answers["Form.PerceivedRace"] = race.ToString();
        answers["Form.PerceivedAge"] = age.ToString();
        answers["Form.LooksEdited"] = looksEdited;
        if (honeypot is not null)
            answers["Form.Website"] = honeypot;
        return answers;
    }
}
