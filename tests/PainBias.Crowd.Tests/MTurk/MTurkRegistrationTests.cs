using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PainBias.Crowd.MTurk;

namespace PainBias.Crowd.Tests.MTurk;

public sealed class MTurkRegistrationTests : MTurkTestContext
{
    private ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddMTurkClient(configuration.GetSection(MTurkOptions.SectionName));
        return services.BuildServiceProvider();
    }

    [Fact]
    public async Task Registered_client_is_bound_to_the_section_and_works()
    {
        await using var provider = Build(new()
        {
            ["MTurk:Endpoint"] = Server.Endpoint.ToString(),
            ["MTurk:AccessKeyId"] = FakeMTurkServer.AccessKeyId,
            ["MTurk:SecretAccessKey"] = FakeMTurkServer.SecretAccessKey,
            ["MTurk:MaxAttempts"] = "3",
            ["MTurk:BaseDelay"] = "00:00:00.001",
        });
        provider.GetRequiredService<IStartupValidator>().Validate();

        var client = provider.GetRequiredService<IMTurkClient>();
        Server.FailNext(1, "ThrottlingException");
        var balance = await client.GetAccountBalanceAsync(new GetAccountBalanceRequest());

        Assert.IsType<MTurkJsonClient>(client);
        Assert.Equal("10000.00", balance.AvailableBalance);
        Assert.Same(provider.GetRequiredService<MTurkRequestPipeline>(), provider.GetRequiredService<MTurkRequestPipeline>());
    }

    [Fact]
    public async Task Sandbox_is_the_default_endpoint()
    {
        await using var provider = Build(new());

        Assert.Equal(MTurkOptions.SandboxEndpoint, provider.GetRequiredService<MTurkRequestPipeline>().Endpoint);
        Assert.Equal(new Uri("https://mturk-requester-sandbox.us-east-1.amazonaws.com"), MTurkOptions.SandboxEndpoint);
        Assert.Equal(new Uri("https://mturk-requester.us-east-1.amazonaws.com"), new MTurkOptions { UseSandbox = false }.ResolveEndpoint());
    }

    [Fact]
    public async Task Bad_settings_fail_at_start_with_every_reason_and_no_secret()
    {
        await using var provider = Build(new()
        {
            ["MTurk:Endpoint"] = "http://mturk.example.org/",
            ["MTurk:SecretAccessKey"] = FakeMTurkServer.SecretAccessKey,
            ["MTurk:MaxAttempts"] = "0",
            ["MTurk:MaxRequestsPerSecond"] = "0",
        });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Equal(4, error.Failures.Count());
        Assert.Contains(error.Failures, f => f.Contains("MTurk:Endpoint"));
        Assert.DoesNotContain(FakeMTurkServer.SecretAccessKey, error.Message);
        Assert.Equal(0, Server.RequestCount);
    }
}
