using System.Security.Cryptography;
using System.Text.Json;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PainBias.Core.Domain;
using PainBias.Data;
using PainBias.Data.Entities;
using PainBias.Imaging.Decoding;
using PainBias.Imaging.Faces;
using PainBias.Imaging.Normalisation;
using PainBias.Jobs;
using PainBias.Jobs.Quality;
using PainBias.Web.Features.Studies;
using PainBias.Web.Hosting;

namespace PainBias.Web.Features.VariantImport;

/// <summary>
/// Imports variants made elsewhere (e.g. a StyleGAN pipeline's outputs): images or zips plus a manifest mapping each
/// file to its source face and condition. Everything is checked first — the manifest, the archive, every image
/// (decoded within limits, one face found) — and every problem is reported with its item; only when none remains are
/// the images and variants written, in one transaction, and the study's quality check queued.
/// </summary>
public static class ImportVariants
{
    public const string Editor = "import";

    public sealed record Command(Guid StudyId, IReadOnlyList<ImportFile> Files, bool Replace = false);

    public sealed record Imported(Guid VariantId, string Face, Condition Condition, string File, string Sha256);

    public sealed record Result(bool StudyFound, IReadOnlyList<Imported> Variants, IReadOnlyList<ImportProblem> Problems)
    {
        public bool Succeeded => StudyFound && Problems.Count == 0;
    }

    public sealed class Handler(
        IDbContextFactory<PainBiasDbContext> contexts,
        ImageDecoder decoder,
        FaceNormaliser normaliser,
        IOptions<VariantImportOptions> options,
        IBackgroundJobClient jobs,
        TimeProvider clock,
        ILogger<Handler> logger)
    {
        public async Task<Result> HandleAsync(Command command, Actor actor, CancellationToken cancellationToken)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var study = await db.Studies.VisibleTo(actor).Where(s => s.Id == command.StudyId)
                .Select(s => new { s.ImageSize, s.Greyscale }).SingleOrDefaultAsync(cancellationToken);
            if (study is null)
                return new Result(false, [], [new ImportProblem("study", "Study not found, or it is not yours.")]);

            // Imported images are normalised like the Original (same crop, alignment, size, colour), so a variant made
            // elsewhere from the raw photo differs from its Original only in what its editor changed.
            var plan = await PlanAsync(db, command, new NormaliseOptions(study.ImageSize, study.Greyscale), cancellationToken);
            if (plan.Problems.Count > 0)
                return new Result(true, [], plan.Problems);

            var imported = await WriteAsync(db, command, plan, cancellationToken);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException e)
            {
                logger.LogWarning(e, "Variant import into study {StudyId} lost a race with another write", command.StudyId);
                return new Result(true, [], [new ImportProblem("study", "Another import or generation added variants for these faces at the same moment; nothing was imported. Try again.")]);
            }
            jobs.Enqueue<QualityCheckJob>(Queues.Default, job => job.RunAsync(command.StudyId, CancellationToken.None));
            logger.LogInformation("Imported {Count} variants into study {StudyId}", imported.Count, command.StudyId);
            return new Result(true, imported, []);
        }

        private async Task<Plan> PlanAsync(PainBiasDbContext db, Command command, NormaliseOptions normalise, CancellationToken cancellationToken)
        {
            var problems = new List<ImportProblem>();
            if (command.Files.Count == 0)
                return new Plan([], new Dictionary<ImportEntry, Checked>(), normalise, [new ImportProblem("upload", "Attach the variant images (or a zip of them) and the manifest CSV.")]);

            var archive = new ImportArchive(options.Value, decoder.Options.MaxBytes);
            foreach (var file in command.Files)
                archive.Add(file);
            problems.AddRange(archive.Problems);

            var manifests = archive.Entries.Where(e => e.Path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase)).ToList();
            var images = archive.Entries.Except(manifests).ToList();
            if (manifests.Count != 1)
            {
                problems.Add(new ImportProblem("manifest", manifests.Count == 0
                    ? "No manifest was found: add a CSV file (file,face,condition) to the upload or to the zip."
                    : $"{manifests.Count} CSV files were found ({string.Join(", ", manifests.Select(m => m.Display))}); the upload must hold exactly one manifest."));
                return new Plan([], new Dictionary<ImportEntry, Checked>(), normalise, problems);
            }
            var manifest = manifests[0];
            var rows = ImportManifest.Parse(manifest, problems);

            var faces = await db.SourceFaces.AsNoTracking().Where(f => f.StudyId == command.StudyId)
                .Select(f => new { f.Id, f.Label }).ToListAsync(cancellationToken);
            var byLabel = faces.ToDictionary(f => f.Label, f => f.Id, StringComparer.Ordinal);
            var byId = faces.ToDictionary(f => f.Id, f => f.Label);
            var existing = await db.Variants.AsNoTracking().Where(v => v.StudyId == command.StudyId)
                .Select(v => new { v.Id, v.SourceFaceId, v.Condition, v.Editor, InUse = db.Reservations.Any(r => r.VariantId == v.Id) || db.Assessments.Any(a => a.VariantId == v.Id) })
                .ToListAsync(cancellationToken);

            var items = new List<Item>();
            var fileLines = new Dictionary<ImportEntry, int>();
            var pairLines = new Dictionary<(Guid, Condition), int>();
            foreach (var row in rows)
            {
                var item = $"{manifest.Display} line {row.Line}";
                var lineProblems = problems.Count;
                Guid? faceId = byLabel.TryGetValue(row.Face, out var id) ? id : Guid.TryParse(row.Face, out var g) && byId.ContainsKey(g) ? g : null;
                if (faceId is null)
                    problems.Add(new ImportProblem(item, $"Unknown face \"{row.Face}\": this study has no source face with that label or id. Upload the source face first, or fix the label."));
                var conditionKnown = ConditionExtensions.TryParseCode(row.Condition, out var condition);
                if (!conditionKnown)
                    problems.Add(new ImportProblem(item, $"Unknown condition \"{row.Condition}\": use skin, age or skin_age."));
                else if (condition == Condition.Original)
                    problems.Add(new ImportProblem(item, "The condition \"original\" is the uploaded photograph itself; import variants for skin, age or skin_age."));
                var entry = Match(row.File, images, item, problems);
                if (entry is not null)
                {
                    if (fileLines.TryGetValue(entry, out var first))
                        problems.Add(new ImportProblem(item, $"The file \"{row.File}\" is already mapped on line {first}; each file is one variant."));
                    else
                        fileLines[entry] = row.Line;
                }
                if (faceId is { } f && conditionKnown && condition != Condition.Original)
                {
                    if (pairLines.TryGetValue((f, condition), out var first))
                        problems.Add(new ImportProblem(item, $"Face \"{byId[f]}\" with condition {condition.Code()} is already mapped on line {first}; a face has one variant per condition."));
                    else
                        pairLines[(f, condition)] = row.Line;
                    var old = existing.FirstOrDefault(v => v.SourceFaceId == f && v.Condition == condition);
                    if (old is not null && !command.Replace)
                        problems.Add(new ImportProblem(item, $"Face \"{byId[f]}\" already has a {condition.Code()} variant (made by {old.Editor}). Choose \"replace existing variants\" to overwrite it."));
                    else if (old is not null && old.InUse)
                        problems.Add(new ImportProblem(item, $"Face \"{byId[f]}\"'s {condition.Code()} variant has already been shown to assessors, so it cannot be replaced: its ratings would no longer match its image."));
                }
                if (problems.Count == lineProblems)
                    items.Add(new Item(row, entry!, faceId!.Value, condition, existing.FirstOrDefault(v => v.SourceFaceId == faceId && v.Condition == condition)?.Id));
            }

            foreach (var unmapped in images.Where(e => !fileLines.ContainsKey(e)))
                problems.Add(new ImportProblem(unmapped.Display, "The file is in the upload but not in the manifest; add a line for it or leave it out."));
            var checkedImages = new Dictionary<ImportEntry, Checked>();
            foreach (var entry in fileLines.Keys)
            {
                if (CheckImage(entry, normalise, problems) is { } image)
                    checkedImages[entry] = image;
            }
            return new Plan(items, checkedImages, normalise, problems);
        }

        /// <summary>The manifest may give a path inside the zip or, when it is unambiguous, the bare file name.</summary>
        private static ImportEntry? Match(string file, List<ImportEntry> images, string item, List<ImportProblem> problems)
        {
            var exact = images.Where(e => e.Path == file).ToList();
            var candidates = exact.Count > 0 || file.Contains('/') ? exact : images.Where(e => e.FileName == file).ToList();
            switch (candidates.Count)
            {
                case 1:
                    return candidates[0];
                case 0:
                    problems.Add(new ImportProblem(item, $"The file \"{file}\" is in the manifest but not in the upload (names are case-sensitive)."));
                    return null;
                default:
                    problems.Add(new ImportProblem(item, $"The name \"{file}\" matches {candidates.Count} files ({string.Join(", ", candidates.Select(c => c.Display))}); give the path inside the zip."));
                    return null;
            }
        }

        /// <summary>Decodes within the upload limits and normalises its one face; null with the problem recorded.</summary>
        private Checked? CheckImage(ImportEntry entry, NormaliseOptions normalise, List<ImportProblem> problems)
        {
            try
            {
                using var image = decoder.Decode(entry.Data);
                var shown = normaliser.Normalise(image.Bitmap, normalise);
                return new Checked("image/" + image.Format.ToString().ToLowerInvariant(), shown.Png);
            }
            catch (ImageRejectedException e)
            {
                problems.Add(new ImportProblem(entry.Display, e.Message));
                return null;
            }
        }

        /// <summary>
        /// Adds blobs and variants to the one context, so a single SaveChanges commits all or nothing (the blob store's
        /// own PutAsync commits per file, which would leave orphans behind a failed import).
        /// </summary>
        private async Task<List<Imported>> WriteAsync(PainBiasDbContext db, Command command, Plan plan, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var items = plan.Items;
            var entries = items.Select(i => i.Entry).Distinct().ToList();
            var shas = entries.ToDictionary(e => e, e => Convert.ToHexStringLower(SHA256.HashData(e.Data)));
            var shownShas = entries.ToDictionary(e => e, e => Convert.ToHexStringLower(SHA256.HashData(plan.Images[e].Shown)));
            var wanted = shas.Values.Concat(shownShas.Values).Distinct().ToList();
            var stored = (await db.Blobs.Where(b => wanted.Contains(b.Sha256)).Select(b => b.Sha256).ToListAsync(cancellationToken)).ToHashSet();
            // The imported file (provenance) and its normalised face (what assessors see).
            foreach (var entry in entries)
            {
                if (stored.Add(shas[entry]))
                    db.Blobs.Add(new Blob { Sha256 = shas[entry], ContentType = plan.Images[entry].ContentType, Length = entry.Data.Length, Data = entry.Data, CreatedAt = now });
                var png = plan.Images[entry].Shown;
                if (stored.Add(shownShas[entry]))
                    db.Blobs.Add(new Blob { Sha256 = shownShas[entry], ContentType = "image/png", Length = png.Length, Data = png, CreatedAt = now });
            }
            var replaced = items.Where(i => i.ExistingId is not null).Select(i => i.ExistingId!.Value).ToList();
            var existing = await db.Variants.Where(v => replaced.Contains(v.Id)).ToDictionaryAsync(v => v.Id, cancellationToken);

            var imported = new List<Imported>();
            foreach (var item in items)
            {
                var sha = shownShas[item.Entry];
                var parameters = JsonSerializer.Serialize(new
                {
                    fileName = item.Entry.FileName, path = item.Entry.Path, archive = item.Entry.Archive, fileSha256 = shas[item.Entry], manifestLine = item.Row.Line,
                    size = plan.Normalise.Size, greyscale = plan.Normalise.Greyscale, margin = plan.Normalise.Margin,
                });
                Variant variant;
                if (item.ExistingId is { } existingId)
                {
                    variant = existing[existingId];
                }
                else
                {
                    variant = new Variant { Id = Guid.CreateVersion7(), StudyId = command.StudyId, SourceFaceId = item.FaceId, Condition = item.Condition, ImageSha256 = sha, Editor = Editor };
                    db.Variants.Add(variant);
                }
                (variant.ImageSha256, variant.Editor, variant.ModelSha256, variant.ParametersJson, variant.Seed, variant.Node, variant.CreatedAt) =
                    (sha, Editor, null, parameters, null, Environment.MachineName, now);
                imported.Add(new Imported(variant.Id, item.Row.Face, item.Condition, item.Entry.Display, sha));
            }
            return imported;
        }

        private sealed record Item(ImportManifest.Row Row, ImportEntry Entry, Guid FaceId, Condition Condition, Guid? ExistingId);

        /// <summary>An imported file that decoded, its content type, and its face normalised as assessors will see it.</summary>
        private sealed record Checked(string ContentType, byte[] Shown);

        private sealed record Plan(IReadOnlyList<Item> Items, IReadOnlyDictionary<ImportEntry, Checked> Images, NormaliseOptions Normalise, List<ImportProblem> Problems);
    }
}
