using System.ComponentModel.DataAnnotations;

namespace PainBias.Jobs;

/// <summary>Section "Jobs": which queues this process serves and with how many workers.</summary>
public sealed class JobsOptions
{
    public const string Section = "Jobs";

    /// <summary>Run a Hangfire server in this process. The embedded web host does; a web node behind workers need not.</summary>
    public bool RunServer { get; set; } = true;

    /// <summary>
    /// Queues this process pulls, in priority order; empty means all. (No default items here: the configuration
    /// binder appends to an array that already has items instead of replacing them.)
    /// </summary>
    public string[] Queues { get; set; } = [];

    public IReadOnlyList<string> EffectiveQueues => Queues.Length == 0 ? PainBias.Jobs.Queues.All : Queues;

    /// <summary>Workers for the CPU queues (default and crowd).</summary>
    [Range(1, 64)]
    public int WorkerCount { get; set; } = Math.Max(2, Environment.ProcessorCount);

    /// <summary>Workers for the gpu queue: one per GPU, not ProcessorCount × 5.</summary>
    [Range(1, 16)]
    public int GpuWorkerCount { get; set; } = 1;
}
