using PainBias.Crowd.MTurk;

namespace PainBias.Crowd.Tests.MTurk;

/// <summary>A fresh stand-in server and a client pointed at it, per test.</summary>
public abstract class MTurkTestContext : IAsyncLifetime
{
    private readonly List<IDisposable> _disposables = [];

    protected FakeMTurkServer Server { get; private set; } = null!;

    protected IMTurkClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await FakeMTurkServer.StartAsync();
        Client = CreateClient();
    }

    public async Task DisposeAsync()
    {
        foreach (var disposable in _disposables)
        {
            disposable.Dispose();
        }

        await Server.DisposeAsync();
    }

    protected MTurkOptions Options(Action<MTurkOptions>? configure = null)
    {
        var options = new MTurkOptions
        {
            Endpoint = Server.Endpoint,
            AccessKeyId = FakeMTurkServer.AccessKeyId,
            SecretAccessKey = FakeMTurkServer.SecretAccessKey,
            MaxAttempts = 4,
            BaseDelay = TimeSpan.FromMilliseconds(1),
            MaxDelay = TimeSpan.FromMilliseconds(20),
            MaxRequestsPerSecond = 100,
        };
        configure?.Invoke(options);
        return options;
    }

    protected IMTurkClient CreateClient(Action<MTurkOptions>? configure = null)
    {
        var pipeline = new MTurkRequestPipeline(Options(configure));
        var http = new HttpClient();
        _disposables.Add(pipeline);
        _disposables.Add(http);
        return new MTurkJsonClient(http, pipeline);
    }

    protected async Task<string> CreateHitTypeAsync(params IReadOnlyList<QualificationRequirement> requirements) =>
        (await Client.CreateHITTypeAsync(new CreateHITTypeRequest
        {
            Title = "Rate the pain you see in a face",
            Description = "Look at one face and rate six facial action units.",
            Reward = MTurkAmount.Format(0.50m),
            AssignmentDurationInSeconds = 1800,
            AutoApprovalDelayInSeconds = 259_200,
            Keywords = "pain, faces, rating",
            QualificationRequirements = requirements.Count == 0 ? null : requirements,
        })).HITTypeId;

    protected async Task<HIT> CreateHitAsync(string hitTypeId, int maxAssignments = 9) =>
        (await Client.CreateHITWithHITTypeAsync(new CreateHITWithHITTypeRequest
        {
            HITTypeId = hitTypeId,
            LifetimeInSeconds = 86_400,
            MaxAssignments = maxAssignments,
            Question = new ExternalQuestion(new Uri("https://painbias.example.org/task/mturk?study=7&batch=3"), 800).ToXml(),
            RequesterAnnotation = "study-7/batch-3",
        })).HIT;
}
