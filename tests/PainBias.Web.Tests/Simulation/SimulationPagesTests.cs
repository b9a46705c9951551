using System.Net;
using PainBias.Data;
using PainBias.Web.Tests.AssessorTask;

namespace PainBias.Web.Tests.Simulation;

[Collection(TaskWebCollection.Name)]
public sealed class SimulationPagesTests(TaskWebFixture fixture)
{
    [Fact]
    public async Task The_simulate_and_power_pages_render_for_a_researcher_and_say_where_simulated_ratings_go()
    {
        var host = await fixture.HostAsync(DatabaseProvider.Sqlite);
        var seeded = await TaskTestData.StudyAsync(host, faces: 1);
        var client = await TaskTestData.SignInAsAdminAsync(host);

        var simulate = await client.GetAsync($"/studies/{seeded.Study.Id}/simulate");
        var html = await simulate.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, simulate.StatusCode);
        Assert.Contains("copy of this study", html);
        Assert.Contains($"/studies/{seeded.Study.Id}/simulate", html); // the study's sub-page link

        var power = await client.GetAsync("/power");
        Assert.Equal(HttpStatusCode.OK, power.StatusCode);
        Assert.Contains("Monte Carlo standard error", await power.Content.ReadAsStringAsync());

        var anonymous = await host.CreateClient().GetAsync("/power");
        Assert.DoesNotContain("Monte Carlo standard error", await anonymous.Content.ReadAsStringAsync());
    }
}
