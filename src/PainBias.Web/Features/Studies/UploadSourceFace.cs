using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PainBias.Core.Domain;
using PainBias.Data;
using PainBias.Data.Blobs;
using PainBias.Data.Entities;
using PainBias.Imaging.Decoding;
using PainBias.Imaging.Normalisation;
using PainBias.Web.Hosting;

namespace PainBias.Web.Features.Studies;

/// <summary>
/// Adds one photographed person to a study: checks metadata and the image (decoded safely, within limits, exactly one
/// face), stores the upload and its normalised face content-addressed, and records the face with its Original variant. Nothing is written unless all
/// checks pass, and a failed upload never touches faces already stored.
/// </summary>
public static class UploadSourceFace
{
    public sealed record Command(Guid StudyId, string? Label, string? Gender, string? Race, string? AgeGroup, string? FileName, byte[] Data);

    public sealed record Result(Guid? FaceId, IReadOnlyDictionary<string, string> Errors)
    {
        public bool Succeeded => FaceId is not null;
        public static Result Failed(IDictionary<string, string> errors) => new(null, new Dictionary<string, string>(errors));
    }

    /// <summary>The editor name of an Original variant: the upload, normalised.</summary>
    public const string NormalisedEditor = "normalise";

    public sealed class Handler(
        IDbContextFactory<PainBiasDbContext> contexts,
        IBlobStore blobs,
        ImageDecoder decoder,
        FaceNormaliser normaliser,
        IOptions<UploadOptions> options,
        TimeProvider clock)
    {
        public async Task<Result> HandleAsync(Command command, Actor actor, CancellationToken cancellationToken)
        {
            var errors = new Dictionary<string, string>();
            var label = (command.Label ?? Path.GetFileNameWithoutExtension(command.FileName) ?? "").Trim();
            if (label.Length == 0)
                errors["label"] = "label is required: a subject code or name unique within the study.";
            else if (label.Length > 200)
                errors["label"] = "label is longer than 200 characters.";
            var gender = SourceFaceMetadata.ParseGender(command.Gender, errors);
            var race = SourceFaceMetadata.ParseRace(command.Race, errors);
            var ageGroup = SourceFaceMetadata.ParseAgeGroup(command.AgeGroup, errors);
            // Decoded once: checked here, normalised below.
            using var image = CheckImage(command, errors);
            if (errors.Count > 0)
                return Result.Failed(errors);
            var contentType = "image/" + image!.Format.ToString().ToLowerInvariant();

            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var study = await db.Studies.VisibleTo(actor).Where(s => s.Id == command.StudyId)
                .Select(s => new { s.ImageSize, s.Greyscale }).SingleOrDefaultAsync(cancellationToken);
            if (study is null)
                return Result.Failed(new Dictionary<string, string> { ["study"] = "Study not found, or it is not yours." });
            if (await db.SourceFaces.AnyAsync(f => f.StudyId == command.StudyId && f.Label == label, cancellationToken))
                return Result.Failed(new Dictionary<string, string> { ["label"] = $"This study already has a face labelled '{label}'." });

            // Assessors see the Original condition as normalised as every edited variant (the same crop, alignment,
            // size and colour), so conditions differ only in what the editors change; the upload itself is kept as the
            // face's source image.
            var normaliseOptions = new NormaliseOptions(study.ImageSize, study.Greyscale);
            NormalisedFace normalised;
            try
            {
                normalised = normaliser.Normalise(image.Bitmap, normaliseOptions);
            }
            catch (ImageRejectedException e)
            {
                return Result.Failed(new Dictionary<string, string> { ["file"] = e.Message });
            }

            var sha = await blobs.PutAsync(command.Data, contentType, cancellationToken);
            var shownSha = await blobs.PutAsync(normalised.Png, "image/png", cancellationToken);
            var now = clock.GetUtcNow().UtcDateTime;
            var face = new SourceFace
            {
                Id = Guid.CreateVersion7(),
                StudyId = command.StudyId,
                Label = label,
                Gender = gender!.Value,
                Race = race!.Value,
                AgeGroup = ageGroup!.Value,
                OriginalSha256 = sha,
                Provenance = command.FileName,
                CreatedAt = now,
            };
            face.Variants.Add(new Variant
            {
                Id = Guid.CreateVersion7(),
                StudyId = command.StudyId,
                Condition = Condition.Original,
                ImageSha256 = shownSha,
                Editor = NormalisedEditor,
                ParametersJson = JsonSerializer.Serialize(new
                {
                    size = normaliseOptions.Size, greyscale = normaliseOptions.Greyscale, margin = normaliseOptions.Margin, source = sha,
                }),
                CreatedAt = now,
                Node = Environment.MachineName,
            });
            db.SourceFaces.Add(face);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // A concurrent upload with the same label won; report it like the check above.
                if (!await LabelTakenAsync(command.StudyId, label, cancellationToken))
                    throw;
                return Result.Failed(new Dictionary<string, string> { ["label"] = $"This study already has a face labelled '{label}'." });
            }
            return new Result(face.Id, new Dictionary<string, string>());
        }

        /// <summary>The decoded image (the caller disposes it), or null with the reason the file is refused recorded.</summary>
        private DecodedImage? CheckImage(Command command, Dictionary<string, string> errors)
        {
            if (command.Data.Length > options.Value.MaxImageBytes)
            {
                errors["file"] = options.Value.TooLarge(command.Data.Length);
                return null;
            }
            try
            {
                return decoder.Decode(command.Data);
            }
            catch (ImageRejectedException ex)
            {
                errors["file"] = ex.Message;
                return null;
            }
        }

        private async Task<bool> LabelTakenAsync(Guid studyId, string label, CancellationToken cancellationToken)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            return await db.SourceFaces.AnyAsync(f => f.StudyId == studyId && f.Label == label, cancellationToken);
        }
    }
}
