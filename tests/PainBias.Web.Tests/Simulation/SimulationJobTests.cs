using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PainBias.Data;
using PainBias.Jobs;
using PainBias.Jobs.Simulation;
using PainBias.TestSupport;
using PainBias.Web.Features.Simulation;
using PainBias.Web.Hosting;
using PainBias.Web.Tests.AssessorTask;

namespace PainBias.Web.Tests.Simulation;

/// <summary>"Simulate N assessors": a simulation copy of the study, a job on the default queue, bots only in the copy.</summary>
[Collection(TaskWebCollection.Name)]
public sealed class SimulationJobTests(TaskWebFixture fixture)
{
    [Fact]
    public async Task A_simulation_runs_on_a_copy_and_never_adds_ratings_to_the_real_study()
    {
        var host = await fixture.HostAsync(DatabaseProvider.Sqlite);
        var seeded = await TaskTestData.StudyAsync(host, faces: 2, minSeconds: 0, k: 1);
        using var scope = host.Services.CreateScope();
        var actor = new Actor(seeded.Study.OwnerId, IsAdmin: false);
        var handler = scope.ServiceProvider.GetRequiredService<StartSimulation.Handler>();

        var (started, problems) = await handler.HandleAsync(new StartSimulation.Command(seeded.Study.Id, Assessors: 8, K: 1, Concurrency: 2, Seed: 4,
            RaceEffect: -1.1, AgeEffect: 0.4, NoiseSd: 0.9, FaceSd: 0.45, AssessorSd: 0.55, SpeederShare: 0, AttentionFailureShare: 0,
            BaseUrl: "http://localhost/"), actor, CancellationToken.None);

        Assert.Empty(problems);
        var job = host.Services.GetRequiredService<JobStorage>().GetMonitoringApi().JobDetails(started!.JobId);
        Assert.Equal(nameof(SimulateCrowdJob.RunAsync), job.Job.Method.Name);
        Assert.Contains(job.History, h => h.StateName == "Enqueued" && h.Data["Queue"] == Queues.Default);

        var simulation = started.SimulationStudyId;
        var request = (SimulationRequest)job.Job.Args[1];
        var links = Enumerable.Range(0, 8).Select(_ => scope.ServiceProvider.GetRequiredService<ITaskLinkIssuer>().NewDirectLink(simulation, "http://localhost")).ToList();
        var report = await scope.ServiceProvider.GetRequiredService<SimulateCrowdJob>()
            .RunCrowdAsync(simulation, request, links, _ => host.CreateClient(), null, CancellationToken.None);

        Assert.Empty(report.Errors);
        Assert.Equal(8, report.Ratings);
        await using var db = await host.Database.ContextAsync();
        Assert.StartsWith(StartSimulation.NamePrefix, (await db.Studies.SingleAsync(s => s.Id == simulation)).Name);
        Assert.Equal(8, await db.Assessments.CountAsync(a => a.StudyId == simulation));
        Assert.Equal(0, await db.Assessments.CountAsync(a => a.StudyId == seeded.Study.Id));
    }

    [Fact]
    public async Task Bad_simulation_requests_are_refused_with_every_reason()
    {
        var host = await fixture.HostAsync(DatabaseProvider.Sqlite);
        var seeded = await TaskTestData.StudyAsync(host, faces: 1);
        using var scope = host.Services.CreateScope();
        var (started, problems) = await scope.ServiceProvider.GetRequiredService<StartSimulation.Handler>().HandleAsync(
            new StartSimulation.Command(seeded.Study.Id, Assessors: 0, K: 0, Concurrency: 2, Seed: 1, RaceEffect: 50, AgeEffect: 0,
                NoiseSd: 0.9, FaceSd: 0.45, AssessorSd: 0.55, SpeederShare: 2, AttentionFailureShare: 0, BaseUrl: "http://localhost/"),
            new Actor(seeded.Study.OwnerId, IsAdmin: false), CancellationToken.None);

        Assert.Null(started);
        Assert.Contains(problems, p => p.StartsWith("assessors must be", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("k must be", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("race effect", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("shares must be", StringComparison.Ordinal));
    }
}
