using PainBias.Core.Domain;
using PainBias.Core.Statistics;
using PainBias.Data;
using PainBias.Data.Entities;
using PainBias.TestSupport;

namespace PainBias.Web.Tests.Dashboard;

/// <summary>
/// Loads a ratings CSV in the R-fixture layout into a real study (faces, the four variants each, workers, reservations and
/// assessments), so the dashboard can be checked against R's numbers for the same ratings.
/// </summary>
public static class FixtureStudy
{
    public static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Fixtures", "stats");

    public static readonly DateTime Start = new(2026, 12, 1, 9, 0, 0, DateTimeKind.Utc);

    /// <summary>The fixture's platform names; the platform calls Amazon Mechanical Turk "MTurk".</summary>
    public static Platform PlatformOf(string fixturePlatform) => fixturePlatform == "AMT" ? Platform.MTurk : Enum.Parse<Platform>(fixturePlatform);

    public static async Task<Study> LoadAsync(PainBiasDbContext db, string ownerId, string csvName)
    {
        IReadOnlyList<RatingObservation> rows;
        using (var reader = new StreamReader(Path.Combine(Folder, csvName)))
            rows = RatingsCsv.Read(reader);
        var study = new Study { Id = Guid.NewGuid(), Name = "Fixture " + csvName, OwnerId = ownerId, CreatedAt = Start };
        db.Studies.Add(study);
        var variants = new Dictionary<(string Subject, Condition Condition), Variant>();
        foreach (var subject in rows.GroupBy(r => r.SubjectId))
        {
            var first = subject.First();
            var blob = TestData.AddBlob(db, $"{study.Id} {subject.Key}");
            var face = new SourceFace
            {
                Id = Guid.NewGuid(), StudyId = study.Id, Label = subject.Key, Gender = first.Gender, Race = first.OriginalRace,
                AgeGroup = first.OriginalAge, OriginalSha256 = blob.Sha256, CreatedAt = Start,
            };
            db.SourceFaces.Add(face);
            foreach (var condition in Enum.GetValues<Condition>())
            {
                var variant = new Variant
                {
                    Id = Guid.NewGuid(), StudyId = study.Id, SourceFaceId = face.Id, Condition = condition,
                    ImageSha256 = TestData.AddBlob(db, $"{face.Id} {condition}").Sha256, Editor = "fixture", CreatedAt = Start,
                };
                variants[(subject.Key, condition)] = variant;
                db.Variants.Add(variant);
            }
        }
        var workers = rows.Select(r => (r.Platform, r.AssessorId)).Distinct()
            .ToDictionary(w => w, w => TestData.AddWorker(db, PlatformOf(w.Platform)));
        for (var i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            // Every rating answers the manipulation check as intended; the image-quality answer alternates.
            TestRatings.Add(db, variants[(r.SubjectId, r.Condition)], workers[(r.Platform, r.AssessorId)], r.Rating, Start.AddSeconds(10 * i),
                raceAnswer: r.PerceivedRace, ageAnswer: r.PerceivedAge, looksEdited: i % 4 == 0);
        }
        await db.SaveChangesAsync();
        return study;
    }
}
