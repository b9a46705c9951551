using Hangfire;
using Microsoft.EntityFrameworkCore;
using PainBias.Core.Domain;
using PainBias.Data;
using PainBias.Data.Entities;
using PainBias.Jobs.Simulation;
using PainBias.Web.Features.Studies;
using PainBias.Web.Hosting;

namespace PainBias.Web.Features.Simulation;

/// <summary>
/// Starts a bot crowd on a copy of a study. Simulated ratings never mix with real ones: the bots rate a new study,
/// named "Simulation · …", with the same faces, variants (the same stored images), gold faces and settings, that only
/// bots are linked to. Its minimum seconds per rating stays the source's; honest bots wait it out, speeders do not (and
/// are flagged too fast).
/// </summary>
public static class StartSimulation
{
    public const string NamePrefix = "Simulation · ";

    public sealed record Command(Guid StudyId, int Assessors, int K, int Concurrency, int Seed, double RaceEffect, double AgeEffect,
        double NoiseSd, double FaceSd, double AssessorSd, double SpeederShare, double AttentionFailureShare, string BaseUrl);

    public sealed record Started(Guid SimulationStudyId, string JobId);

    public sealed class Handler(IDbContextFactory<PainBiasDbContext> contexts, IBackgroundJobClient jobs, TimeProvider clock)
    {
        /// <summary>Null when the study does not exist or is not the actor's; problems when the request cannot run.</summary>
        public async Task<(Started? Started, IReadOnlyList<string> Problems)> HandleAsync(Command command, Actor actor, CancellationToken cancellationToken)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var study = await db.Studies.VisibleTo(actor).AsNoTracking().SingleOrDefaultAsync(s => s.Id == command.StudyId, cancellationToken);
            if (study is null)
                return (null, ["Study not found, or it is not yours."]);
            var request = new SimulationRequest(command.BaseUrl, command.Assessors, command.Concurrency, command.Seed, command.RaceEffect,
                command.AgeEffect, command.NoiseSd, command.FaceSd, command.AssessorSd, command.SpeederShare, command.AttentionFailureShare,
                study.MinSecondsPerRating > 0 ? study.MinSecondsPerRating + 1 : 0);
            var problems = request.Problems().ToList();
            if (command.K is < 1 or > 1000) problems.Add($"k must be 1..1000; got {command.K}.");
            if (command.Concurrency is < 1 or > 64) problems.Add($"concurrency must be 1..64; got {command.Concurrency}.");
            if (command.SpeederShare is < 0 or > 1 || command.AttentionFailureShare is < 0 or > 1) problems.Add("shares must be within 0..1.");
            var faces = await db.SourceFaces.AsNoTracking().Where(f => f.StudyId == study.Id).Include(f => f.Variants).ToListAsync(cancellationToken);
            if (faces.Count == 0 || faces.Any(f => f.Variants.Count == 0)) problems.Add("the study needs source faces with variants to simulate.");
            if (problems.Count > 0)
                return (null, problems);

            var now = clock.GetUtcNow().UtcDateTime;
            var copy = new Study
            {
                Id = Guid.NewGuid(), Name = $"{NamePrefix}{study.Name} · {now:yyyy-MM-dd HH:mm}", OwnerId = study.OwnerId, CreatedAt = now,
                Description = $"Simulated assessors only (bot crowd, seed {command.Seed}, race {command.RaceEffect:+0.###;-0.###;0}, " +
                    $"age {command.AgeEffect:+0.###;-0.###;0} PSPI). A copy of study {study.Id}; no real participant is ever linked here.",
                ImageSize = study.ImageSize, Greyscale = study.Greyscale, ImagesPerAssessor = study.ImagesPerAssessor, HoldMinutes = study.HoldMinutes,
                MinSecondsPerRating = study.MinSecondsPerRating, RatingsPerVariantDirect = command.K,
                RatingsPerVariantMTurk = command.K, RatingsPerVariantCredamo = command.K,
                // The study's exclusion rules, except the network-address one: every bot comes from this one host.
                ExcludeFor = study.ExcludeFor & ~ExclusionReason.SharedNetwork, RejectFor = study.RejectFor & ~ExclusionReason.SharedNetwork,
            };
            db.Studies.Add(copy);
            foreach (var face in faces)
            {
                var faceId = Guid.NewGuid();
                db.SourceFaces.Add(new SourceFace
                {
                    Id = faceId, StudyId = copy.Id, Label = face.Label, Gender = face.Gender, Race = face.Race, AgeGroup = face.AgeGroup,
                    OriginalSha256 = face.OriginalSha256, Provenance = face.Provenance, CreatedAt = now,
                });
                foreach (var v in face.Variants)
                {
                    db.Variants.Add(new Variant
                    {
                        Id = Guid.NewGuid(), StudyId = copy.Id, SourceFaceId = faceId, Condition = v.Condition, ImageSha256 = v.ImageSha256,
                        Editor = v.Editor, ModelSha256 = v.ModelSha256, ParametersJson = v.ParametersJson, Seed = v.Seed, Node = v.Node, CreatedAt = now,
                    });
                }
            }
            foreach (var g in await db.GoldItems.AsNoTracking().Where(g => g.StudyId == study.Id).ToListAsync(cancellationToken))
            {
                db.GoldItems.Add(new GoldItem
                {
                    Id = Guid.NewGuid(), StudyId = copy.Id, Order = g.Order, ImageSha256 = g.ImageSha256,
                    Au4 = g.Au4, Au6 = g.Au6, Au7 = g.Au7, Au9 = g.Au9, Au10 = g.Au10, Au43 = g.Au43, Tolerance = g.Tolerance,
                });
            }
            await db.SaveChangesAsync(cancellationToken);
            var jobId = jobs.Enqueue<SimulateCrowdJob>(job => job.RunAsync(copy.Id, request, null, CancellationToken.None));
            return (new Started(copy.Id, jobId), []);
        }
    }
}
