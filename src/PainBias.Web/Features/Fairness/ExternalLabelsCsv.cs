using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using PainBias.Core.Domain;

namespace PainBias.Web.Features.Fairness;

/// <summary>
/// Reads external test labels (e.g. a clinician's PSPI per image): a header row with <c>image,label</c> or
/// <c>variant_id,label</c> (commas or semicolons). <c>image</c> is the face label and variant code as in the ratings
/// export (<c>S001/skin</c>) or the image's SHA-256; <c>variant_id</c> is the variant's id. Every bad line is reported
/// with its line number, and nothing is used unless every line is good.
/// </summary>
public static class ExternalLabelsCsv
{
    public sealed record StudyVariant(Guid VariantId, string FaceLabel, Condition Condition, string ImageSha256);

    public sealed record Parsed(IReadOnlyDictionary<Guid, double> Labels, IReadOnlyList<string> Errors)
    {
        public bool Succeeded => Errors.Count == 0;
    }

    public static Parsed Parse(string text, IReadOnlyList<StudyVariant> variants)
    {
        var errors = new List<string>();
        var labels = new Dictionary<Guid, double>();
        var byId = variants.ToDictionary(v => v.VariantId);
        var byName = variants.ToDictionary(v => $"{v.FaceLabel}/{v.Condition.Code()}", StringComparer.OrdinalIgnoreCase);
        var bySha = variants.GroupBy(v => v.ImageSha256, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.OrdinalIgnoreCase);
        var firstLine = text.Split('\n', 2)[0];
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = firstLine.Contains(';') && !firstLine.Contains(',') ? ";" : ",",
            TrimOptions = TrimOptions.Trim,
            PrepareHeaderForMatch = a => a.Header.Trim().ToLowerInvariant(),
            BadDataFound = null,
        };
        using var csv = new CsvReader(new StringReader(text.TrimStart('\uFEFF')), configuration);
        if (!csv.Read() || !csv.ReadHeader())
            return new Parsed(labels, ["The file is empty; it needs a header row image,label or variant_id,label."]);
        var headers = csv.HeaderRecord!.Select(h => h.Trim().ToLowerInvariant()).ToList();
        var key = headers.Contains("variant_id") ? "variant_id" : headers.Contains("image") ? "image" : null;
        if (key is null || !headers.Contains("label"))
            return new Parsed(labels, [$"The header is \"{firstLine.Trim().TrimStart('\uFEFF')}\"; it must name the columns image,label or variant_id,label."]);

        var seen = new Dictionary<Guid, int>();
        while (csv.Read())
        {
            var line = csv.Parser.RawRow;
            var id = csv.GetField(key)?.Trim() ?? "";
            var value = csv.GetField("label")?.Trim() ?? "";
            if (id.Length == 0 && value.Length == 0) continue;
            var variant = Find(key, id, byId, byName, bySha, out var problem);
            if (variant is null)
            {
                errors.Add($"Line {line}: {problem}");
                continue;
            }

            if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var label) || !double.IsFinite(label))
                errors.Add($"Line {line}: the label \"{value}\" is not a number.");
            else if (label is < 0 or > 16)
                errors.Add($"Line {line}: the label {value} is outside the PSPI range 0–16.");
            else if (seen.TryGetValue(variant.VariantId, out var earlier))
                errors.Add($"Line {line}: {variant.FaceLabel}/{variant.Condition.Code()} already has a label on line {earlier}.");
            else
            {
                seen[variant.VariantId] = line;
                labels[variant.VariantId] = label;
            }
        }

        if (errors.Count == 0 && labels.Count == 0)
            errors.Add("The file has a header but no labels.");
        return new Parsed(errors.Count == 0 ? labels : new Dictionary<Guid, double>(), errors);
    }

    private static StudyVariant? Find(string key, string id, Dictionary<Guid, StudyVariant> byId, Dictionary<string, StudyVariant> byName,
        Dictionary<string, List<StudyVariant>> bySha, out string problem)
    {
        problem = "";
        if (key == "variant_id")
        {
            if (Guid.TryParse(id, out var guid) && byId.TryGetValue(guid, out var v)) return v;
            problem = $"\"{id}\" is not the id of a variant of this study.";
            return null;
        }

        if (byName.TryGetValue(id, out var named)) return named;
        if (bySha.TryGetValue(id, out var shared))
        {
            if (shared.Count == 1) return shared[0];
            problem = $"the image {id[..Math.Min(12, id.Length)]}… is used by {shared.Count} variants; name it as face/variant instead.";
            return null;
        }

        problem = $"\"{id}\" is neither face/variant (e.g. S001/skin; variants original, skin, age, skin_age) nor the SHA-256 of a variant image of this study.";
        return null;
    }
}
