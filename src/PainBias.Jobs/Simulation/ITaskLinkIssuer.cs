namespace PainBias.Jobs.Simulation;

/// <summary>
/// Signs entry links for new participants of a study. The web host provides it (it owns the task and its link format);
/// a node without it cannot run a bot crowd and says so.
/// </summary>
public interface ITaskLinkIssuer
{
    /// <summary>An absolute link under <paramref name="baseUrl"/> for one new direct participant.</summary>
    string NewDirectLink(Guid studyId, string baseUrl);
}
