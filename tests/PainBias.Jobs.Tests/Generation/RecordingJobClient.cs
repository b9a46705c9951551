using Hangfire;
using Hangfire.Common;
using Hangfire.States;

namespace PainBias.Jobs.Tests.Generation;

/// <summary>
/// Records what the job queues. A real Hangfire storage here would pick up Hangfire's process-wide log provider, which other
/// tests' hosts leave bound to their disposed logger factories; queuing onto real storage is covered by the web and worker tests.
/// </summary>
internal sealed class RecordingJobClient : IBackgroundJobClient
{
    private readonly List<(Job Job, IState State)> created = [];

    public IReadOnlyList<(Job Job, IState State)> Created
    {
        get
        {
            lock (created)
                return [.. created];
        }
    }

    public string Create(Job job, IState state)
    {
        lock (created)
        {
            created.Add((job, state));
            return created.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    public bool ChangeState(string jobId, IState state, string expectedState) => false;
}
