using PainBias.Core.Domain;
using PainBias.Jobs.Simulation;
using PainBias.Web.Features.AssessorTask;

namespace PainBias.Web.Features.Simulation;

/// <summary>Signed direct links for the bot crowd, made by the task's own link signer.</summary>
public sealed class TaskLinkIssuer(TaskLinks links) : ITaskLinkIssuer
{
    public string NewDirectLink(Guid studyId, string baseUrl) =>
        $"{baseUrl.TrimEnd('/')}/task/{links.CreateForNewParticipant(studyId, Platform.Direct, TaskCultures.English)}";
}
