using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PainBias.Core.Domain;
using PainBias.Data.Entities;
using PainBias.TestSupport;
using PainBias.Web.Features.AssessorTask;

namespace PainBias.Web.Tests.AssessorTask;

/// <summary>Seeds a study for one test and opens the task as an assessor would.</summary>
public static class TaskTestData
{
    public static async Task<TestData.SeededStudy> StudyAsync(TaskWebFactory host, int faces = 2, int minSeconds = 0, int k = 3)
    {
        await using var db = await host.Database.ContextAsync();
        var owner = await TestData.AddUserAsync(db, $"owner-{Guid.NewGuid():N}@example.org");
        var seeded = await TestData.AddStudyAsync(db, owner.Id, faces);
        var study = await db.Studies.SingleAsync(s => s.Id == seeded.Study.Id);
        study.MinSecondsPerRating = minSeconds;
        (study.RatingsPerVariantMTurk, study.RatingsPerVariantCredamo, study.RatingsPerVariantDirect) = (k, k, k);
        await db.SaveChangesAsync();
        return seeded;
    }

    public static string DirectLink(TaskWebFactory host, Guid studyId, string culture = "en", Platform platform = Platform.Direct) =>
        "/task/" + host.Services.GetRequiredService<TaskLinks>().CreateForNewParticipant(studyId, platform, culture);

    public static TaskBrowser Browser(TaskWebFactory host) => new(host.CreateClient());

    /// <summary>A complete, valid rating: PSPI = 2 + max(1, 3) + max(0, 4) + 1 = 10.</summary>
    public static Dictionary<string, string?> Rating() => new()
    {
        ["Form.Au4"] = "2", ["Form.Au6"] = "1", ["Form.Au7"] = "3", ["Form.Au9"] = "0", ["Form.Au10"] = "4", ["Form.Au43"] = "1",
        ["Form.Attention"] = "slightly", ["Form.PerceivedRace"] = "B", ["Form.PerceivedAge"] = "Young", ["Form.LooksEdited"] = "no",
    };

    /// <summary>Opens a link and goes through consent and instructions to the rating page.</summary>
    public static async Task<TaskBrowser> ToRatingAsync(TaskWebFactory host, string link)
    {
        var browser = Browser(host);
        await browser.OpenAsync(link);
        await browser.SubmitAsync(new Dictionary<string, string?> { ["Form.Consent"] = "yes" });
        await browser.SubmitAsync();
        Assert.Contains("/image", browser.Html);
        return browser;
    }

    public static async Task<HttpClient> SignInAsAdminAsync(TaskWebFactory host)
    {
        var client = host.CreateClient();
        var login = await client.GetStringAsync("/account/login");
        var token = TaskBrowser.HiddenFields(login)["__RequestVerificationToken"];
        var response = await client.PostAsync("/account/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["email"] = "admin@painbias.local", ["password"] = "Task-tests-admin-2026", ["returnUrl"] = "/",
        }));
        Assert.DoesNotContain("error=", response.RequestMessage!.RequestUri!.Query);
        return client;
    }
}
