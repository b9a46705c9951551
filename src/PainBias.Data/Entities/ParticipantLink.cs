using PainBias.Core.Domain;

namespace PainBias.Data.Entities;

/// <summary>
/// One issued single-use task link (lab, panel or Credamo participant) with the completion code the participant will
/// be shown. The first browser to open the link claims it (a hash of a secret cookie is stored); any other browser is
/// refused, so a forwarded or reposted link cannot be used twice.
/// </summary>
public sealed class ParticipantLink
{
    public Guid Id { get; set; }
    public Guid StudyId { get; set; }
    public Platform Platform { get; set; }

    /// <summary>The worker id the link stands for (random, issued with the link).</summary>
    public required string ParticipantId { get; set; }

    /// <summary>Issued with the link, shown at the end of the task; unique across all studies.</summary>
    public required string CompletionCode { get; set; }

    public required string Culture { get; set; }
    public DateTime CreatedAt { get; set; }
    public required string CreatedBy { get; set; }

    /// <summary>Lower-case hex SHA-256 of the claiming browser's cookie; null until the link is first opened.</summary>
    public string? ClaimHash { get; set; }
    public DateTime? ClaimedAt { get; set; }
}
