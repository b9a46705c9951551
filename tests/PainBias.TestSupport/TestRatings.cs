using PainBias.Core.Domain;
using PainBias.Data;
using PainBias.Data.Entities;

namespace PainBias.TestSupport;

/// <summary>Stores submitted ratings (a submitted reservation and its assessment) the way the task does, for read-side tests.</summary>
public static class TestRatings
{
    public static Assessment Add(PainBiasDbContext db, Variant variant, Worker worker, AuRating rating, DateTime submittedAt,
        double seconds = 30, bool included = true, ExclusionReason reasons = ExclusionReason.None,
        Race? raceAnswer = null, AgeGroup? ageAnswer = null, bool? looksEdited = null, bool? attentionPassed = true)
    {
        var reservation = TestData.Reserve(db, variant, worker, submittedAt.AddMinutes(30));
        reservation.Status = ReservationStatus.Submitted;
        var assessment = new Assessment
        {
            Id = Guid.NewGuid(), StudyId = variant.StudyId, VariantId = variant.Id, WorkerId = worker.Id, ReservationId = reservation.Id,
            Platform = worker.Platform, IdempotencyKey = Guid.NewGuid(), StartedAt = submittedAt.AddSeconds(-seconds), SubmittedAt = submittedAt,
            PerceivedRaceAnswer = raceAnswer, PerceivedAgeAnswer = ageAnswer, LooksEditedAnswer = looksEdited, AttentionPassed = attentionPassed,
            Included = included, ExclusionReasons = reasons,
        };
        assessment.SetRating(rating);
        db.Assessments.Add(assessment);
        return assessment;
    }
}
