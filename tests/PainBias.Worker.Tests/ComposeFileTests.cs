using PainBias.TestSupport;
using YamlDotNet.RepresentationModel;

namespace PainBias.Worker.Tests;

/// <summary>No Docker engine runs on the build machines, so the compose file is checked by parsing it.</summary>
public class ComposeFileTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Deploy");

    private static YamlMappingNode Services()
    {
        var yaml = new YamlStream();
        using var reader = new StreamReader(Path.Combine(Folder, "docker-compose.yml"));
        yaml.Load(reader);
        return (YamlMappingNode)((YamlMappingNode)yaml.Documents[0].RootNode)["services"];
    }

    private static YamlMappingNode Service(string name) => (YamlMappingNode)Services()[name];

    private static string Scalar(YamlNode node, params string[] path)
    {
        foreach (var key in path)
            node = ((YamlMappingNode)node)[key];
        return ((YamlScalarNode)node).Value!;
    }

    [Fact]
    public void Has_postgres_migrator_web_and_worker()
    {
        var names = Services().Children.Keys.Select(k => ((YamlScalarNode)k).Value).ToHashSet();
        Assert.Superset(new HashSet<string?> { "postgres", "migrator", "web", "worker" }, names);
    }

    [Fact]
    public void Postgres_is_health_checked_and_the_migrator_waits_for_it()
    {
        Assert.Contains("pg_isready", Service("postgres")["healthcheck"]["test"].ToString());
        Assert.Equal("service_healthy", Scalar(Service("migrator"), "depends_on", "postgres", "condition"));
        var command = ((YamlSequenceNode)Service("migrator")["command"]).Children.Select(c => ((YamlScalarNode)c).Value).ToList();
        Assert.Equal(["dotnet", "PainBias.Web.dll", "--migrate-only"], command);
    }

    [Theory]
    [InlineData("web")]
    [InlineData("worker")]
    public void Hosts_start_after_a_successful_migration_and_are_health_checked(string service)
    {
        Assert.Equal("service_completed_successfully", Scalar(Service(service), "depends_on", "migrator", "condition"));
        Assert.Contains("/health", Service(service)["healthcheck"]["test"].ToString());
        Assert.True(File.Exists(Path.Combine(RepositoryPaths.Root, Scalar(Service(service), "build", "dockerfile"))));
    }

    [Fact]
    public void The_worker_reserves_a_GPU_and_serves_the_gpu_queue()
    {
        var worker = Service("worker");
        var device = (YamlMappingNode)((YamlSequenceNode)worker["deploy"]["resources"]["reservations"]["devices"]).Children[0];
        Assert.Equal("nvidia", Scalar(device, "driver"));
        Assert.Contains("gpu", device["capabilities"].ToString());
        Assert.Equal("gpu", Scalar(worker, "environment", "Jobs__Queues__0"));
    }

    [Fact]
    public void Every_variable_the_compose_file_reads_is_documented_in_env_example()
    {
        var compose = File.ReadAllText(Path.Combine(Folder, "docker-compose.yml"));
        var documented = File.ReadAllLines(Path.Combine(Folder, ".env.example"))
            .Where(l => l.Contains('=') && !l.TrimStart().StartsWith('#'))
            .Select(l => l[..l.IndexOf('=')].Trim())
            .ToHashSet();
        var used = System.Text.RegularExpressions.Regex.Matches(compose, @"(?<!\$)\$\{([A-Z_]+)")
            .Select(m => m.Groups[1].Value).ToHashSet();
        Assert.NotEmpty(used);
        Assert.Empty(used.Except(documented));
    }

    [Fact]
    public void Host_settings_use_Section__Key_names_that_the_hosts_bind()
    {
        var keys = new[] { "web", "worker", "migrator" }
            .SelectMany(s => ((YamlMappingNode)Service(s)["environment"]).Children.Keys)
            .Select(k => ((YamlScalarNode)k).Value!)
            .ToList();
        Assert.Contains("ConnectionStrings__PainBias", keys);
        Assert.All(keys, k => Assert.Matches(@"^(ConnectionStrings|Admin|Jobs|Logging|Urls|Database)(__\w+)*$", k));
    }
}
