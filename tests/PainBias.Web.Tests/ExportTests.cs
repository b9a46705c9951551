using System.Globalization;
using System.Net;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using PainBias.Core.Domain;
using PainBias.Data;
using PainBias.Data.Entities;
using PainBias.TestSupport;
using PainBias.Web.Features.Exports;

namespace PainBias.Web.Tests;

public class ExportTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers;

    private static async Task<(Guid StudyId, List<Worker> Workers)> RatedStudyAsync(PainBiasWebFactory factory, string ownerId)
    {
        await using var db = await factory.Database.ContextAsync();
        var seeded = await TestData.AddStudyAsync(db, ownerId, faces: 2);
        var workers = new List<Worker> { TestData.AddWorker(db, Platform.MTurk), TestData.AddWorker(db, Platform.Credamo) };
        var started = new DateTime(2026, 12, 3, 10, 0, 0, DateTimeKind.Utc);
        var i = 0;
        foreach (var variant in seeded.Variants.Where(v => v.Condition is Condition.Original or Condition.SkinTone))
        {
            var worker = workers[i % 2];
            var reservation = TestData.Reserve(db, variant, worker, started.AddMinutes(30));
            reservation.Status = ReservationStatus.Submitted;
            var assessment = new Assessment
            {
                Id = Guid.NewGuid(), StudyId = variant.StudyId, VariantId = variant.Id, WorkerId = worker.Id, ReservationId = reservation.Id,
                Platform = worker.Platform, IdempotencyKey = Guid.NewGuid(), StartedAt = started.AddMinutes(i), SubmittedAt = started.AddMinutes(i).AddSeconds(42.5),
                PerceivedRaceAnswer = Race.B, PerceivedAgeAnswer = AgeGroup.Senior, LooksEditedAnswer = false, AttentionPassed = i != 3,
                Included = i != 3, ExclusionReasons = i == 3 ? ExclusionReason.FailedAttention | ExclusionReason.TooFast : ExclusionReason.None,
            };
            assessment.SetRating(AuRating.Create(i % 6, 2, 3, 1, i % 5, i % 2));
            db.Assessments.Add(assessment);
            i++;
        }
        await db.SaveChangesAsync();
        return (seeded.Study.Id, workers);
    }

    private static List<Dictionary<string, string>> Parse(byte[] csv)
    {
        using var reader = new StreamReader(new MemoryStream(csv), detectEncodingFromByteOrderMarks: true);
        using var parser = new CsvReader(reader, CultureInfo.InvariantCulture);
        parser.Read();
        parser.ReadHeader();
        var rows = new List<Dictionary<string, string>>();
        while (parser.Read())
            rows.Add(parser.HeaderRecord!.ToDictionary(h => h, h => parser.GetField(h)!));
        return rows;
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Ratings_export_is_tidy_UTF8_with_BOM_with_hashed_workers_and_flags(DatabaseProvider provider)
    {
        await using var factory = await PainBiasWebFactory.CreateAsync(provider);
        var (client, ownerId) = await factory.SignInNewResearcherAsync();
        var (studyId, workers) = await RatedStudyAsync(factory, ownerId);

        var response = await client.GetAsync($"/api/studies/{studyId}/export/ratings.csv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var csv = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, csv[..3]);
        var text = System.Text.Encoding.UTF8.GetString(csv);
        Assert.All(workers, w => Assert.DoesNotContain(w.ExternalId, text));

        var rows = Parse(csv);
        Assert.Equal(Codebook.Columns.Select(c => c.Column), rows[0].Keys);
        Assert.Equal(4, rows.Count);
        await using var db = await factory.Database.ContextAsync();
        foreach (var row in rows)
        {
            var stored = await db.Assessments.SingleAsync(a => a.Id == Guid.Parse(row["assessment_id"]));
            var rating = AuRating.Create(int.Parse(row["au4"]), int.Parse(row["au6"]), int.Parse(row["au7"]), int.Parse(row["au9"]), int.Parse(row["au10"]), int.Parse(row["au43"]));
            Assert.Equal(stored.Pspi, int.Parse(row["pspi"]));
            Assert.Equal(rating.Pspi, int.Parse(row["pspi"]));
            Assert.Equal(42.5, double.Parse(row["seconds"], CultureInfo.InvariantCulture));
            Assert.True(ConditionExtensions.TryParseCode(row["variant"], out var condition));
            var origRace = Enum.Parse<Race>(row["orig_race"]);
            Assert.Equal(condition.PerceivedRace(origRace).ToString(), row["perceived_race"]);
            Assert.Equal(64, row["worker_hash"].Length);
        }
        var excluded = Assert.Single(rows, r => r["included"] == "False");
        Assert.Equal("FailedAttention|TooFast", excluded["exclusion_reasons"]);
        Assert.Equal(2, rows.Select(r => r["worker_hash"]).Distinct().Count());

        // The same worker keeps the same hash in a later export of this study.
        var again = Parse(await client.GetByteArrayAsync($"/api/studies/{studyId}/export/ratings.csv"));
        Assert.Equal(rows.Select(r => r["worker_hash"]), again.Select(r => r["worker_hash"]));
    }

    [Fact]
    public async Task Another_researcher_cannot_export_and_the_codebook_lists_every_column()
    {
        await using var factory = await PainBiasWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        var (_, ownerId) = await factory.SignInNewResearcherAsync();
        var (studyId, _) = await RatedStudyAsync(factory, ownerId);
        var (stranger, _) = await factory.SignInNewResearcherAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/studies/{studyId}/export/ratings.csv")).StatusCode);

        var codebook = await stranger.GetStringAsync($"/api/studies/{studyId}/export/codebook.md");
        Assert.All(Codebook.Columns, c => Assert.Contains($"`{c.Column}`", codebook));
    }
}
