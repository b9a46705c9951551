namespace PainBias.Data.Entities;

/// <summary>
/// Two studies kept apart: a worker who took part in either (a session that is not a preview) is refused at the
/// entry of the other. Stored once, applied both ways.
/// </summary>
public sealed class StudyLink
{
    public Guid StudyId { get; set; }
    public Guid LinkedStudyId { get; set; }
    public DateTime CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
}
