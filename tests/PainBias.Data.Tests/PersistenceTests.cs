using Microsoft.EntityFrameworkCore;
using PainBias.Core.Domain;
using PainBias.Data;
using PainBias.Data.Entities;
using PainBias.TestSupport;

namespace PainBias.Data.Tests;

/// <summary>The same persistence rules, checked against the real SQLite engine and a real PostgreSQL server.</summary>
public class PersistenceTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Times_come_back_as_the_same_UTC_instant(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        // PostgreSQL keeps microseconds; compare at that precision.
        var created = new DateTime(2026, 3, 14, 15, 9, 26, 535, 897, DateTimeKind.Utc);
        Guid id;
        await using (var db = await database.ContextAsync())
        {
            var owner = await TestData.AddUserAsync(db, "owner@example.org");
            var study = new Study { Id = Guid.NewGuid(), Name = "UTC", OwnerId = owner.Id, CreatedAt = created };
            db.Studies.Add(study);
            await db.SaveChangesAsync();
            id = study.Id;
        }
        await using (var db = await database.ContextAsync())
        {
            var read = await db.Studies.AsNoTracking().SingleAsync(s => s.Id == id);
            Assert.Equal(DateTimeKind.Utc, read.CreatedAt.Kind);
            Assert.Equal(created, read.CreatedAt);
            Assert.Equal(1, await db.Studies.CountAsync(s => s.CreatedAt > created.AddSeconds(-1) && s.CreatedAt < created.AddSeconds(1)));
        }
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Local_times_are_converted_and_unspecified_ones_refused(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = await database.ContextAsync();
        var owner = await TestData.AddUserAsync(db, "owner@example.org");
        var local = new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Local);
        var study = new Study { Id = Guid.NewGuid(), Name = "Local", OwnerId = owner.Id, CreatedAt = local };
        db.Studies.Add(study);
        await db.SaveChangesAsync();
        await using (var read = await database.ContextAsync())
            Assert.Equal(local.ToUniversalTime(), (await read.Studies.SingleAsync(s => s.Id == study.Id)).CreatedAt);

        db.Studies.Add(new Study { Id = Guid.NewGuid(), Name = "Unspecified", OwnerId = owner.Id, CreatedAt = new DateTime(2026, 1, 2) });
        var ex = await Assert.ThrowsAnyAsync<Exception>(() => db.SaveChangesAsync());
        Assert.Contains("unspecified kind", (ex.InnerException ?? ex).Message);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_worker_cannot_hold_two_variants_of_one_face(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = await database.ContextAsync();
        var owner = await TestData.AddUserAsync(db, "owner@example.org");
        var seeded = await TestData.AddStudyAsync(db, owner.Id, faces: 2);
        var worker = TestData.AddWorker(db);
        var face0 = seeded.Variants.Where(v => v.SourceFaceId == seeded.Faces[0].Id).ToList();
        var face1 = seeded.Variants.First(v => v.SourceFaceId == seeded.Faces[1].Id);
        TestData.Reserve(db, face0[0], worker, DateTime.UtcNow.AddMinutes(30));
        TestData.Reserve(db, face1, worker, DateTime.UtcNow.AddMinutes(30));
        await db.SaveChangesAsync();

        await using var other = await database.ContextAsync();
        TestData.Reserve(other, face0[1], await other.Workers.SingleAsync(w => w.Id == worker.Id), DateTime.UtcNow.AddMinutes(30));
        await Assert.ThrowsAsync<DbUpdateException>(() => other.SaveChangesAsync());
        Assert.Equal(2, await db.Reservations.CountAsync(r => r.WorkerId == worker.Id));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_face_has_one_variant_per_condition(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = await database.ContextAsync();
        var owner = await TestData.AddUserAsync(db, "owner@example.org");
        var seeded = await TestData.AddStudyAsync(db, owner.Id, faces: 1);
        var original = seeded.Variants.Single(v => v.Condition == Condition.SkinTone);

        await using var other = await database.ContextAsync();
        other.Variants.Add(new Variant
        {
            Id = Guid.NewGuid(), StudyId = original.StudyId, SourceFaceId = original.SourceFaceId, Condition = Condition.SkinTone,
            ImageSha256 = original.ImageSha256, Editor = "rerun", CreatedAt = DateTime.UtcNow,
        });
        await Assert.ThrowsAsync<DbUpdateException>(() => other.SaveChangesAsync());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task The_database_refuses_out_of_range_AU_values(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = await database.ContextAsync();
        var owner = await TestData.AddUserAsync(db, "owner@example.org");
        var seeded = await TestData.AddStudyAsync(db, owner.Id, faces: 1);
        var worker = TestData.AddWorker(db);
        var variant = seeded.Variants[0];
        var reservation = TestData.Reserve(db, variant, worker, DateTime.UtcNow.AddMinutes(30));
        await db.SaveChangesAsync();

        var assessment = new Assessment
        {
            Id = Guid.NewGuid(), StudyId = variant.StudyId, VariantId = variant.Id, WorkerId = worker.Id, ReservationId = reservation.Id,
            Platform = Platform.MTurk, IdempotencyKey = Guid.NewGuid(), StartedAt = DateTime.UtcNow, SubmittedAt = DateTime.UtcNow,
            Au4 = 6, // bypasses AuRating on purpose: the check constraint is the last line of defence
        };
        db.Assessments.Add(assessment);
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());

        db.ChangeTracker.Clear();
        assessment.Au4 = 0;
        assessment.SetRating(AuRating.Create(2, 3, 2, 1, 1, 1));
        db.Assessments.Add(assessment);
        await db.SaveChangesAsync();
        await using var read = await database.ContextAsync();
        Assert.Equal(7, (await read.Assessments.SingleAsync()).Pspi);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_study_with_ratings_cannot_be_deleted(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = await database.ContextAsync();
        var owner = await TestData.AddUserAsync(db, "owner@example.org");
        var seeded = await TestData.AddStudyAsync(db, owner.Id, faces: 1);
        var worker = TestData.AddWorker(db);
        var reservation = TestData.Reserve(db, seeded.Variants[0], worker, DateTime.UtcNow);
        var assessment = new Assessment
        {
            Id = Guid.NewGuid(), StudyId = seeded.Study.Id, VariantId = seeded.Variants[0].Id, WorkerId = worker.Id,
            ReservationId = reservation.Id, Platform = Platform.MTurk, IdempotencyKey = Guid.NewGuid(),
            StartedAt = DateTime.UtcNow, SubmittedAt = DateTime.UtcNow,
        };
        assessment.SetRating(AuRating.Create(1, 1, 1, 1, 1, 0));
        db.Assessments.Add(assessment);
        await db.SaveChangesAsync();

        await using var other = await database.ContextAsync();
        other.Studies.Remove(await other.Studies.SingleAsync());
        await Assert.ThrowsAsync<DbUpdateException>(() => other.SaveChangesAsync());
        await using var read = await database.ContextAsync();
        Assert.Equal(1, await read.Assessments.CountAsync());
    }
}
