using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using PainBias.Core.Domain;
using PainBias.Data;
using PainBias.Data.Entities;
using PainBias.Web.Features.Studies;
using PainBias.Web.Hosting;

namespace PainBias.Web.Features.Exports;

/// <summary>Writes a study's ratings as a tidy CSV (UTF-8 with BOM, so Excel opens it right), excluded ones included and flagged.</summary>
public sealed class ExportRatings(IDbContextFactory<PainBiasDbContext> contexts)
{
    /// <summary>Null when the study does not exist or is not the actor's.</summary>
    public async Task<byte[]?> CsvAsync(Guid studyId, Actor actor, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var study = await db.Studies.VisibleTo(actor).SingleOrDefaultAsync(s => s.Id == studyId, cancellationToken);
        if (study is null)
            return null;
        if (study.ExportSalt.Length == 0)
        {
            // Studies created before salts existed get theirs at the first export.
            study.ExportSalt = Study.NewExportSalt();
            await db.SaveChangesAsync(cancellationToken);
        }
        var rows = await (
            from a in db.Assessments.AsNoTracking()
            join v in db.Variants on a.VariantId equals v.Id
            join f in db.SourceFaces on v.SourceFaceId equals f.Id
            join w in db.Workers on a.WorkerId equals w.Id
            where a.StudyId == studyId
            select new { a, v.Condition, f.Label, f.Gender, f.Race, f.AgeGroup, w.ExternalId })
            .ToListAsync(cancellationToken);

        using var hmac = new HMACSHA256(Convert.FromHexString(study.ExportSalt));
        var records = rows
            .OrderBy(r => r.a.SubmittedAt).ThenBy(r => r.a.Id)
            .Select(r => new RatingRow(
                r.a.Id, studyId, r.a.Platform.ToString(),
                Convert.ToHexStringLower(hmac.ComputeHash(Encoding.UTF8.GetBytes($"{r.a.Platform}:{r.ExternalId}"))),
                r.Label, r.Gender.ToString(), r.Race.ToString(), r.AgeGroup.Code().ToString(), r.Condition.Code(),
                r.Condition.PerceivedRace(r.Race).ToString(), r.Condition.PerceivedAge(r.AgeGroup).Code().ToString(),
                r.a.Au4, r.a.Au6, r.a.Au7, r.a.Au9, r.a.Au10, r.a.Au43, r.a.Pspi,
                r.a.PerceivedRaceAnswer?.ToString(), r.a.PerceivedAgeAnswer?.Code().ToString(), r.a.LooksEditedAnswer, r.a.AttentionPassed,
                r.a.StartedAt.ToString("O", CultureInfo.InvariantCulture), r.a.SubmittedAt.ToString("O", CultureInfo.InvariantCulture),
                Math.Round((r.a.SubmittedAt - r.a.StartedAt).TotalSeconds, 3), r.a.Included, Reasons(r.a.ExclusionReasons)));

        using var buffer = new MemoryStream();
        await using (var writer = new StreamWriter(buffer, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true))
        await using (var csv = new CsvWriter(writer, CultureInfo.InvariantCulture))
        {
            await csv.WriteRecordsAsync(records, cancellationToken);
        }
        return buffer.ToArray();
    }

    private static string Reasons(ExclusionReason reasons) => reasons == ExclusionReason.None
        ? ""
        : string.Join('|', Enum.GetValues<ExclusionReason>().Where(r => r != ExclusionReason.None && reasons.HasFlag(r)));
}
