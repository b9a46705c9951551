using PainBias.Core.Domain;
using PainBias.Data;
using PainBias.Data.Entities;

namespace PainBias.TestSupport;

/// <summary>Builds a small study graph (owner, study, faces with all four variants, blobs) for integration tests.</summary>
public static class TestData
{
    public sealed record SeededStudy(Study Study, IReadOnlyList<SourceFace> Faces, IReadOnlyList<Variant> Variants);

    public static async Task<PainBiasUser> AddUserAsync(PainBiasDbContext db, string email)
    {
        var user = new PainBiasUser { UserName = email, Email = email, NormalizedEmail = email.ToUpperInvariant(), NormalizedUserName = email.ToUpperInvariant() };
        db.Users.Add(user);
        await db.SaveChangesAsync();
        return user;
    }

    public static async Task<SeededStudy> AddStudyAsync(PainBiasDbContext db, string ownerId, int faces = 2)
    {
        var now = DateTime.UtcNow;
        var study = new Study { Id = Guid.NewGuid(), Name = "Study " + Guid.NewGuid().ToString("N")[..6], OwnerId = ownerId, CreatedAt = now };
        db.Studies.Add(study);
        var variants = new List<Variant>();
        var faceList = new List<SourceFace>();
        for (var i = 0; i < faces; i++)
        {
            var blob = AddBlob(db, $"face {study.Id} {i}");
            var face = new SourceFace
            {
                Id = Guid.NewGuid(), StudyId = study.Id, Label = $"S{i:000}", Gender = i % 2 == 0 ? Gender.F : Gender.M,
                Race = i % 2 == 0 ? Race.W : Race.B, AgeGroup = AgeGroup.Young, OriginalSha256 = blob.Sha256, CreatedAt = now,
            };
            faceList.Add(face);
            db.SourceFaces.Add(face);
            foreach (var condition in Enum.GetValues<Condition>())
            {
                var variant = new Variant
                {
                    Id = Guid.NewGuid(), StudyId = study.Id, SourceFaceId = face.Id, Condition = condition,
                    ImageSha256 = condition == Condition.Original ? blob.Sha256 : AddBlob(db, $"{face.Id} {condition}").Sha256,
                    Editor = "test", CreatedAt = now,
                };
                variants.Add(variant);
                db.Variants.Add(variant);
            }
        }
        await db.SaveChangesAsync();
        return new SeededStudy(study, faceList, variants);
    }

    public static Blob AddBlob(PainBiasDbContext db, string content)
    {
        var data = System.Text.Encoding.UTF8.GetBytes(content);
        var blob = new Blob
        {
            Sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(data)),
            ContentType = "application/octet-stream", Length = data.Length, Data = data, CreatedAt = DateTime.UtcNow,
        };
        db.Blobs.Add(blob);
        return blob;
    }

    public static Worker AddWorker(PainBiasDbContext db, Platform platform = Platform.MTurk)
    {
        var worker = new Worker { Id = Guid.NewGuid(), Platform = platform, ExternalId = "W" + Guid.NewGuid().ToString("N")[..12], FirstSeenAt = DateTime.UtcNow };
        db.Workers.Add(worker);
        return worker;
    }

    public static Reservation Reserve(PainBiasDbContext db, Variant variant, Worker worker, DateTime heldUntil)
    {
        var reservation = new Reservation
        {
            Id = Guid.NewGuid(), StudyId = variant.StudyId, VariantId = variant.Id, SourceFaceId = variant.SourceFaceId,
            WorkerId = worker.Id, Platform = worker.Platform, Status = ReservationStatus.Held, CreatedAt = DateTime.UtcNow, HeldUntil = heldUntil,
        };
        db.Reservations.Add(reservation);
        return reservation;
    }
}
