using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PainBias.Data;
using PainBias.Data.Blobs;
using PainBias.TestSupport;

namespace PainBias.Data.Tests;

public class BlobStoreTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Same_bytes_get_the_same_key_and_are_stored_once(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var scope = database.Services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<IBlobStore>();
        var bytes = RandomNumberGenerator.GetBytes(50_000);

        var first = await store.PutAsync(bytes, "image/png", CancellationToken.None);
        var second = await store.PutAsync(bytes.ToArray(), "image/png", CancellationToken.None);

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), first);
        Assert.Equal(first, second);
        var stored = await store.GetAsync(first, CancellationToken.None);
        Assert.NotNull(stored);
        Assert.Equal(bytes, stored.Data);
        Assert.Equal("image/png", stored.ContentType);
        await using var db = await database.ContextAsync();
        Assert.Equal(1, await db.Blobs.CountAsync());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Concurrent_uploads_of_one_image_store_one_row_without_errors(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var bytes = RandomNumberGenerator.GetBytes(10_000);
        var keys = await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            await using var scope = database.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<IBlobStore>().PutAsync(bytes, "image/jpeg", CancellationToken.None);
        }));
        Assert.Single(keys.Distinct());
        await using var db = await database.ContextAsync();
        Assert.Equal(1, await db.Blobs.CountAsync());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Unknown_keys_return_null(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var scope = database.Services.CreateAsyncScope();
        Assert.Null(await scope.ServiceProvider.GetRequiredService<IBlobStore>().GetAsync(new string('0', 64), CancellationToken.None));
    }
}
