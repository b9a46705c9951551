using PainBias.Data;
using PainBias.TestSupport;

namespace PainBias.Web.Tests.AssessorTask;

/// <summary>One web host per provider for all task tests (hosts are slow to start); every test seeds its own study.</summary>
public sealed class TaskWebFixture : IAsyncLifetime
{
    private readonly Dictionary<DatabaseProvider, TaskWebFactory> factories = [];
    private readonly SemaphoreSlim gate = new(1, 1);

    public async Task<TaskWebFactory> HostAsync(DatabaseProvider provider)
    {
        await gate.WaitAsync();
        try
        {
            if (!factories.TryGetValue(provider, out var factory))
            {
                factory = new TaskWebFactory(await TestDatabase.CreateAsync(provider));
                _ = factory.Server; // start now, so a start-up failure shows here
                factories[provider] = factory;
            }
            return factory;
        }
        finally
        {
            gate.Release();
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var factory in factories.Values)
        {
            await factory.DisposeAsync();
            await factory.Database.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class TaskWebCollection : ICollectionFixture<TaskWebFixture>
{
    public const string Name = "Task web host";
}
