using System.Globalization;
using PainBias.Core.Domain;

namespace PainBias.Core.Statistics;

/// <summary>
/// Writes ratings in the format <see cref="RatingsCsv"/> reads: its header, no quoting, LF line
/// endings, as the R fixtures are written, so equal data give byte-identical files on every system.
/// </summary>
public static class RatingsCsvWriter
{
    public static void Write(TextWriter writer, IEnumerable<RatingObservation> rows)
    {
        writer.Write(string.Join(',', RatingsCsv.Columns));
        writer.Write('\n');
        foreach (var r in rows)
        {
            var a = r.Rating;
            writer.Write(string.Join(',',
                r.Platform, r.AssessorId, r.SubjectId, r.Gender.ToString(), r.OriginalRace.ToString(),
                r.OriginalAge.Code().ToString(), r.Condition.Code(), r.PerceivedRace.ToString(), r.PerceivedAge.Code().ToString(),
                Int(a.Au4), Int(a.Au6), Int(a.Au7), Int(a.Au9), Int(a.Au10), Int(a.Au43), Int(r.Pspi)));
            writer.Write('\n');
        }
    }

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);
}
