using Hangfire;
using Hangfire.Common;
using PainBias.Crowd.Simulation;
using PainBias.Jobs.Simulation;

namespace PainBias.Web.Features.Simulation;

/// <summary>A simulation job's state and the latest tally it reported.</summary>
public sealed record SimulationStatus(string State, string? Reason, BotCrowdReport? Report)
{
    public bool IsOver => State is "Succeeded" or "Failed" or "Deleted";
}

public sealed class SimulationProgress(JobStorage storage)
{
    public SimulationStatus? Read(string jobId)
    {
        using var connection = storage.GetConnection();
        var state = connection.GetStateData(jobId);
        if (state is null)
            return null;
        var json = connection.GetJobParameter(jobId, SimulateCrowdJob.ProgressParameter);
        var report = json is null ? null : SerializationHelper.Deserialize<BotCrowdReport>(json);
        var reason = state.Data.TryGetValue("ExceptionMessage", out var message) ? message : state.Reason;
        return new SimulationStatus(state.Name, reason, report);
    }
}
