using PainBias.Core.Domain;
using PainBias.Data;
using PainBias.Data.Blobs;
using PainBias.Data.Entities;
using PainBias.TestSupport;
using SkiaSharp;

namespace PainBias.Jobs.Tests.Fairness;

/// <summary>
/// A study of solid-colour "faces" with all four variants, so a test knows exactly what any pixel model sees:
/// each variant's image is a 64×64 PNG of one grey level from <c>grey(face, condition)</c> (0..255).
/// </summary>
internal sealed record FairnessStudy(Guid StudyId, IReadOnlyList<SourceFace> Faces, IReadOnlyList<Variant> Variants)
{
    public static async Task<FairnessStudy> AddAsync(TestDatabase database, int faces, Func<int, Condition, byte> grey, Func<int, Race>? race = null,
        string? ownerId = null)
    {
        var blobs = new DatabaseBlobStore(database.Contexts);
        await using var db = await database.ContextAsync();
        ownerId ??= (await TestData.AddUserAsync(db, $"owner-{Guid.NewGuid():N}@example.org")).Id;
        var study = new Study { Id = Guid.NewGuid(), Name = "Fairness", OwnerId = ownerId, CreatedAt = DateTime.UtcNow };
        db.Studies.Add(study);
        await db.SaveChangesAsync();
        var faceList = new List<SourceFace>();
        var variants = new List<Variant>();
        for (var f = 0; f < faces; f++)
        {
            var images = new Dictionary<Condition, string>();
            foreach (var c in Enum.GetValues<Condition>())
                images[c] = await blobs.PutAsync(Png(grey(f, c)), "image/png", CancellationToken.None);
            var face = new SourceFace
            {
                Id = Guid.NewGuid(), StudyId = study.Id, Label = $"S{f:000}", Gender = (Gender)(f % 2), Race = race?.Invoke(f) ?? Race.W,
                AgeGroup = (AgeGroup)(f / 2 % 2), OriginalSha256 = images[Condition.Original], CreatedAt = DateTime.UtcNow,
            };
            db.SourceFaces.Add(face);
            faceList.Add(face);
            foreach (var c in Enum.GetValues<Condition>())
            {
                var v = new Variant { Id = Guid.NewGuid(), StudyId = study.Id, SourceFaceId = face.Id, Condition = c, ImageSha256 = images[c], Editor = "test", CreatedAt = DateTime.UtcNow };
                db.Variants.Add(v);
                variants.Add(v);
            }
        }

        await db.SaveChangesAsync();
        return new FairnessStudy(study.Id, faceList, variants);
    }

    /// <summary>One included rating per PSPI value given, each by its own worker (as the design requires).</summary>
    public static void Rate(PainBiasDbContext db, Variant variant, params int[] pspi)
    {
        foreach (var p in pspi)
        {
            var au4 = Math.Min(p, 5);
            var au6 = Math.Min(p - au4, 5);
            var au9 = Math.Min(p - au4 - au6, 5);
            var au43 = p - au4 - au6 - au9;
            TestRatings.Add(db, variant, TestData.AddWorker(db), AuRating.Create(au4, au6, 0, au9, 0, au43), DateTime.UtcNow);
        }
    }

    public static byte[] Png(byte grey)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(64, 64, SKColorType.Rgba8888, SKAlphaType.Premul));
        bitmap.Erase(new SKColor(grey, grey, grey));
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}
