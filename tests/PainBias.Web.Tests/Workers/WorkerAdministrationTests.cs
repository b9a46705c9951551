using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PainBias.Core.Domain;
using PainBias.Data;
using PainBias.Crowd.Tests.MTurk;
using PainBias.Data.Entities;
using PainBias.TestSupport;
using PainBias.Web.Features.AssessorTask;
using PainBias.Web.Features.Workers;
using PainBias.Web.Hosting;

namespace PainBias.Web.Tests.Workers;

/// <summary>
/// Blocks, qualifications and exclusion lists through the real web host, whose MTurk client talks to a local stand-in
/// that speaks the MTurk JSON protocol and checks the SigV4 signature.
/// </summary>
public sealed class WorkerAdministrationTests : IAsyncLifetime
{
    private FakeMTurkServer mturk = null!;
    private PainBiasWebFactory host = null!;
    private Actor admin = null!;

    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers;

    public async Task InitializeAsync() => mturk = await FakeMTurkServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (host is not null)
            await host.DisposeAsync();
        await mturk.DisposeAsync();
    }

    private async Task StartAsync(DatabaseProvider provider)
    {
        host = await PainBiasWebFactory.CreateAsync(provider, new Dictionary<string, string?>
        {
            ["MTurk:Endpoint"] = mturk.Endpoint.ToString(),
            ["MTurk:AccessKeyId"] = FakeMTurkServer.AccessKeyId,
            ["MTurk:SecretAccessKey"] = FakeMTurkServer.SecretAccessKey,
            ["MTurk:MaxAttempts"] = "2",
            ["MTurk:BaseDelay"] = "00:00:00.001",
            ["MTurk:MaxDelay"] = "00:00:00.010",
        });
        _ = host.Server;
        await using var scope = host.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<PainBiasUser>>().FindByEmailAsync(PainBiasWebFactory.AdminEmail);
        admin = new Actor(user!.Id, IsAdmin: true);
    }

    private async Task<Worker> WorkerAsync(Platform platform = Platform.MTurk)
    {
        await using var db = await host.Database.ContextAsync();
        var worker = TestData.AddWorker(db, platform);
        await db.SaveChangesAsync();
        return worker;
    }

    private async Task<T> WithAsync<T>(Func<IServiceProvider, Task<T>> call)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await call(scope.ServiceProvider);
    }

    private Task<ActionOutcome> Act(Func<WorkerActions, Task<ActionOutcome>> action) => WithAsync(sp => action(sp.GetRequiredService<WorkerActions>()));

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_block_reaches_MTurk_is_audited_and_keeps_the_worker_out_of_every_study(DatabaseProvider provider)
    {
        await StartAsync(provider);
        var worker = await WorkerAsync();
        Guid studyId;
        await using (var db = await host.Database.ContextAsync())
            studyId = (await TestData.AddStudyAsync(db, admin.UserId)).Study.Id;

        var outcome = await Act(a => a.BlockAsync(worker.Id, "Random answers on gold faces", admin, CancellationToken.None));

        Assert.True(outcome.Succeeded, outcome.Message);
        Assert.Equal("Random answers on gold faces", mturk.State.Blocks[worker.ExternalId]);
        await using (var db = await host.Database.ContextAsync())
        {
            var stored = await db.Workers.SingleAsync(w => w.Id == worker.Id);
            Assert.Equal((true, "Random answers on gold faces"), (stored.Blocked, stored.BlockReason));
            var audit = await db.AuditEntries.SingleAsync(a => a.TargetId == worker.Id.ToString());
            Assert.Equal(("worker.block", AuditOutcome.Succeeded, admin.UserId), (audit.Action, audit.Outcome, audit.ActorId));
        }
        var start = await WithAsync(sp => sp.GetRequiredService<StartTask.Handler>().HandleAsync(
            new StartTask.Command(studyId, Platform.MTurk, worker.ExternalId, "en", AssignmentId: "A1", HitId: "H1", TurkSubmitTo: "https://workersandbox.mturk.com"), CancellationToken.None));
        Assert.Equal(StartTask.Refusal.Blocked, start.Refusal);

        var unblocked = await Act(a => a.UnblockAsync(worker.Id, "Appeal accepted", admin, CancellationToken.None));
        Assert.True(unblocked.Succeeded, unblocked.Message);
        Assert.False(mturk.State.Blocks.ContainsKey(worker.ExternalId));
        Assert.Equal(["CreateWorkerBlock", "DeleteWorkerBlock"], mturk.Operations);
    }

    [Fact]
    public async Task When_MTurk_refuses_nothing_changes_here_and_the_failure_is_audited_without_secrets()
    {
        await StartAsync(DatabaseProvider.Sqlite);
        var worker = await WorkerAsync();
        mturk.FailNext(2, "ServiceFault");

        var outcome = await Act(a => a.BlockAsync(worker.Id, "Speeding", admin, CancellationToken.None));

        Assert.False(outcome.Succeeded);
        Assert.Contains("MTurk refused", outcome.Message);
        Assert.Empty(mturk.State.Blocks);
        await using var db = await host.Database.ContextAsync();
        Assert.False((await db.Workers.SingleAsync(w => w.Id == worker.Id)).Blocked);
        var audit = await db.AuditEntries.SingleAsync(a => a.TargetId == worker.Id.ToString());
        Assert.Equal(AuditOutcome.Failed, audit.Outcome);
        Assert.DoesNotContain(FakeMTurkServer.SecretAccessKey, audit.Details);
        Assert.DoesNotContain(FakeMTurkServer.SecretAccessKey, outcome.Message);
    }

    [Fact]
    public async Task Qualifications_are_granted_updated_and_revoked_on_MTurk_and_here()
    {
        await StartAsync(DatabaseProvider.Postgres);
        var worker = await WorkerAsync();
        var typeId = await WithAsync(async sp => (await sp.GetRequiredService<PainBias.Crowd.MTurk.IMTurkClient>().CreateQualificationTypeAsync(
            new PainBias.Crowd.MTurk.CreateQualificationTypeRequest
            {
                Name = "PainBias screening passed", Description = "Passed the gold-face screening.",
                QualificationTypeStatus = PainBias.Crowd.MTurk.QualificationTypeStatus.Active,
            })).QualificationType.QualificationTypeId);

        Assert.True((await Act(a => a.GrantQualificationAsync(worker.Id, typeId, 1, notifyWorker: false, admin, CancellationToken.None))).Succeeded);
        Assert.True((await Act(a => a.GrantQualificationAsync(worker.Id, typeId, 3, notifyWorker: false, admin, CancellationToken.None))).Succeeded);
        Assert.Equal(3, mturk.State.WorkerQualifications[(typeId, worker.ExternalId)]);
        Guid grantId;
        await using (var db = await host.Database.ContextAsync())
        {
            var grant = await db.WorkerQualifications.SingleAsync(q => q.WorkerId == worker.Id);
            Assert.Equal((typeId, 3, (DateTime?)null), (grant.QualificationTypeId, grant.IntegerValue, grant.RevokedAt));
            grantId = grant.Id;
        }
        var listed = await WithAsync(sp => sp.GetRequiredService<WorkerQueries>().ListAsync(worker.ExternalId, Platform.MTurk, false, CancellationToken.None));
        Assert.Equal([$"{typeId}=3"], Assert.Single(listed).Qualifications);

        var revoked = await Act(a => a.RevokeQualificationAsync(grantId, "Granted by mistake", admin, CancellationToken.None));

        Assert.True(revoked.Succeeded, revoked.Message);
        Assert.False(mturk.State.WorkerQualifications.ContainsKey((typeId, worker.ExternalId)));
        await using var check = await host.Database.ContextAsync();
        Assert.NotNull((await check.WorkerQualifications.SingleAsync(q => q.Id == grantId)).RevokedAt);
        Assert.Equal(
            ["worker.qualification.grant", "worker.qualification.grant", "worker.qualification.revoke"],
            await check.AuditEntries.Where(a => a.TargetId == worker.Id.ToString()).OrderBy(a => a.At).ThenBy(a => a.Action).Select(a => a.Action).ToListAsync());
        Assert.Equal("Granted by mistake", mturk.LastBodies["DisassociateQualificationFromWorker"]["Reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task Credamo_workers_are_blocked_locally_without_calling_MTurk_and_bad_input_is_refused()
    {
        await StartAsync(DatabaseProvider.Sqlite);
        var worker = await WorkerAsync(Platform.Credamo);

        Assert.False((await Act(a => a.BlockAsync(worker.Id, "  ", admin, CancellationToken.None))).Succeeded);
        Assert.False((await Act(a => a.GrantQualificationAsync(worker.Id, "bad id with spaces", 1, false, admin, CancellationToken.None))).Succeeded);
        Assert.True((await Act(a => a.BlockAsync(worker.Id, "Duplicate accounts", admin, CancellationToken.None))).Succeeded);

        Assert.Equal(0, mturk.RequestCount);
        await using var db = await host.Database.ContextAsync();
        Assert.True((await db.Workers.SingleAsync(w => w.Id == worker.Id)).Blocked);
    }

    [Fact]
    public async Task An_uploaded_exclusion_list_and_another_studys_participants_keep_workers_out()
    {
        await StartAsync(DatabaseProvider.Sqlite);
        Guid target, earlier;
        await using (var db = await host.Database.ContextAsync())
        {
            target = (await TestData.AddStudyAsync(db, admin.UserId)).Study.Id;
            earlier = (await TestData.AddStudyAsync(db, admin.UserId)).Study.Id;
        }
        var veteran = await WithAsync(sp => sp.GetRequiredService<StartTask.Handler>().HandleAsync(
            new StartTask.Command(earlier, Platform.Direct, "lab-veteran", "en"), CancellationToken.None));
        Assert.NotNull(veteran.SessionId);

        var upload = await WithAsync(sp => sp.GetRequiredService<StudyExclusions>().AddListAsync(
            target, Platform.MTurk, "worker_id\r\nA1EXCLUDED\r\nA2EXCLUDED,extra\r\n\r\nA1EXCLUDED\r\n", "upload list.csv", admin, CancellationToken.None));
        var fromStudy = await WithAsync(sp => sp.GetRequiredService<StudyExclusions>().AddParticipantsOfAsync(target, earlier, admin, CancellationToken.None));

        Assert.Equal((2, 0), (upload!.Added, upload.Problems.Count));
        Assert.Equal(1, fromStudy!.Added);
        async Task<StartTask.Refusal> StartAs(Platform platform, string id) => (await WithAsync(sp => sp.GetRequiredService<StartTask.Handler>().HandleAsync(
            new StartTask.Command(target, platform, id, "en"), CancellationToken.None))).Refusal;
        Assert.Equal(StartTask.Refusal.Excluded, await StartAs(Platform.MTurk, "A2EXCLUDED"));
        Assert.Equal(StartTask.Refusal.Excluded, await StartAs(Platform.Direct, "lab-veteran"));
        Assert.Equal(StartTask.Refusal.None, await StartAs(Platform.Direct, "A2EXCLUDED"));
        await using var check = await host.Database.ContextAsync();
        Assert.Equal(2, await check.AuditEntries.CountAsync(a => a.Action == "study.exclusions.add" && a.TargetId == target.ToString()));
    }

    [Fact]
    public async Task The_worker_pages_are_for_admins_and_show_the_platform_id()
    {
        await StartAsync(DatabaseProvider.Sqlite);
        var worker = await WorkerAsync();
        var (researcher, _) = await host.SignInNewResearcherAsync();
        var adminClient = await host.SignInAsync(PainBiasWebFactory.AdminEmail, PainBiasWebFactory.AdminPassword);

        Assert.NotEqual(HttpStatusCode.OK, (await researcher.GetAsync("/admin/workers")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await researcher.GetAsync("/admin/audit")).StatusCode);
        var list = await adminClient.GetAsync("/admin/workers");
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Contains(worker.ExternalId, await list.Content.ReadAsStringAsync());
        var page = await adminClient.GetStringAsync($"/admin/workers/{worker.Id}");
        Assert.Contains(worker.ExternalId, page);
        Assert.Equal(HttpStatusCode.OK, (await adminClient.GetAsync("/admin/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await adminClient.GetAsync("/admin/exclusions")).StatusCode);
    }
}
