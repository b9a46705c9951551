using Npgsql;
using PainBias.Data;
using PainBias.TestSupport;

namespace PainBias.Worker.Tests;

/// <summary>The worker exactly as its container runs it: a plain process configured by environment variables.</summary>
public class WorkerProcessTests
{
    [Fact]
    public async Task Serves_its_queues_against_PostgreSQL_and_answers_health_checks()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        var port = HostProcess.FreePort();
        await using var worker = HostProcess.Start("PainBias.Worker", new Dictionary<string, string>
        {
            ["ConnectionStrings__PainBias"] = database.Resolved.ConnectionString,
            ["Jobs__Queues__0"] = "gpu",
            ["Jobs__Queues__1"] = "crowd",
            ["Urls"] = $"http://127.0.0.1:{port}",
        });
        Assert.Equal("Healthy", await worker.WaitForOkAsync($"http://127.0.0.1:{port}/health", TimeSpan.FromMinutes(2)));

        // Its Hangfire servers announce themselves in the shared PostgreSQL storage, one per queue group.
        var queues = await WaitForServerQueuesAsync(database.Resolved.ConnectionString, TimeSpan.FromSeconds(60));
        Assert.Contains("gpu", queues);
        Assert.Contains("crowd", queues);
        Assert.DoesNotContain("default", queues);
        Assert.Contains("serving queues", worker.Output);
        Assert.Matches("ONNX Runtime uses the (CUDA|CPU) execution provider", worker.Output);
    }

    [Fact]
    public async Task Refuses_the_embedded_SQLite_mode_with_the_setting_to_fix()
    {
        await using var worker = HostProcess.Start("PainBias.Worker", new Dictionary<string, string>
        {
            ["ConnectionStrings__PainBias"] = "",
            ["Database__DataDirectory"] = Directory.CreateTempSubdirectory().FullName,
            ["Urls"] = $"http://127.0.0.1:{HostProcess.FreePort()}",
        });
        Assert.Equal(1, await worker.WaitForExitAsync(TimeSpan.FromMinutes(1)));
        Assert.Contains("ConnectionStrings__PainBias", worker.Output);
    }

    private static async Task<string> WaitForServerQueuesAsync(string connectionString, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(
                "SELECT coalesce(string_agg(data::text, ' '), '') FROM hangfire.server", connection);
            try
            {
                var data = (string?)await command.ExecuteScalarAsync() ?? "";
                if (data.Contains("gpu"))
                    return data;
            }
            catch (PostgresException)
            {
                // schema not created yet
            }
            await Task.Delay(500);
        }
        return "";
    }
}
