using PainBias.Core.Domain;

namespace PainBias.Data.Entities;

/// <summary>One submitted rating of one variant by one worker. Never deleted; excluded ones carry reasons.</summary>
public sealed class Assessment
{
    public Guid Id { get; set; }
    public Guid StudyId { get; set; }
    public Guid VariantId { get; set; }
    public Guid WorkerId { get; set; }
    public Guid ReservationId { get; set; }
    public Platform Platform { get; set; }

    /// <summary>Client-generated key of the submission; unique, so a double submit stores one row.</summary>
    public Guid IdempotencyKey { get; set; }

    public int Au4 { get; set; }
    public int Au6 { get; set; }
    public int Au7 { get; set; }
    public int Au9 { get; set; }
    public int Au10 { get; set; }
    public int Au43 { get; set; }

    /// <summary>Computed on the server from the AU values, never taken from a client.</summary>
    public int Pspi { get; set; }

    public Race? PerceivedRaceAnswer { get; set; }
    public AgeGroup? PerceivedAgeAnswer { get; set; }
    public bool? LooksEditedAnswer { get; set; }
    public bool? AttentionPassed { get; set; }

    public DateTime StartedAt { get; set; }
    public DateTime SubmittedAt { get; set; }

    public bool Included { get; set; } = true;
    public ExclusionReason ExclusionReasons { get; set; }

    public AuRating Rating => AuRating.Create(Au4, Au6, Au7, Au9, Au10, Au43);

    public void SetRating(AuRating rating)
    {
        (Au4, Au6, Au7, Au9, Au10, Au43) = (rating.Au4, rating.Au6, rating.Au7, rating.Au9, rating.Au10, rating.Au43);
        Pspi = rating.Pspi;
    }
}
