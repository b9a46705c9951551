namespace PainBias.Data.Entities;

/// <summary>
/// A screening face with expert AU codes: an assessor passes when every AU they give is within the tolerance of the
/// expert's (AU43, open or closed, must match exactly).
/// </summary>
public sealed class GoldItem
{
    public Guid Id { get; set; }
    public Guid StudyId { get; set; }
    public int Order { get; set; }
    public required string ImageSha256 { get; set; }

    public int Au4 { get; set; }
    public int Au6 { get; set; }
    public int Au7 { get; set; }
    public int Au9 { get; set; }
    public int Au10 { get; set; }
    public int Au43 { get; set; }

    /// <summary>Largest accepted difference from the expert per graded AU (intensity steps).</summary>
    public int Tolerance { get; set; } = 1;
}
