using PainBias.Core.Fairness;
using PainBias.Data.Entities;

namespace PainBias.Web.Features.Fairness;

/// <summary>A fairness run as the page and the API show it; <see cref="Result"/> only once it succeeded.</summary>
public sealed record FairnessRunView(
    Guid Id, AnalysisStatus Status, int Folds, long Seed, double Progress, string? ProgressText, string? Error,
    string? ExternalLabelsFile, DateTime CreatedAt, DateTime? FinishedAt, FairnessExperimentResult? Result);

/// <summary>An audit as the page and the API show it; <see cref="Report"/> only once it succeeded.</summary>
public sealed record FairnessAuditView(
    Guid Id, string Name, string? FileName, string ModelSha256, AnalysisStatus Status, double Progress, string? ProgressText, string? Error,
    DateTime CreatedAt, DateTime? FinishedAt, FairnessAuditReport? Report);

public sealed record FairnessOverview(Guid StudyId, string StudyName, IReadOnlyList<FairnessRunView> Runs, IReadOnlyList<FairnessAuditView> Audits)
{
    public bool Busy => Runs.Any(r => r.Status is AnalysisStatus.Queued or AnalysisStatus.Running)
        || Audits.Any(a => a.Status is AnalysisStatus.Queued or AnalysisStatus.Running);
}
