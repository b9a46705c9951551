using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PainBias.Data;
using PainBias.Data.Entities;
using PainBias.Jobs.Generation;
using PainBias.Web.Features.Admin;
using PainBias.Web.Features.Studies;
using PainBias.Web.Hosting;

namespace PainBias.Web.Features.Demo;

/// <summary>
/// On the first embedded run, creates a demo study from the real photographs shipped in DemoData/ (see its
/// NOTICE.md), owned by the first admin, so a newcomer has something to look at. Runs through the same
/// handlers a researcher uses; skipped once any demo study exists, and never on PostgreSQL.
/// </summary>
public sealed class DemoStudySeeder(
    ResolvedDatabase database,
    IOptions<DemoOptions> options,
    IOptions<AdminOptions> admin,
    IDbContextFactory<PainBiasDbContext> contexts,
    UserManager<PainBiasUser> users,
    CreateStudy.Handler createStudy,
    UploadSourceFace.Handler uploadFace,
    VariantGenerationQueue generation,
    ILogger<DemoStudySeeder> logger)
{
    public const string StudyName = "Demo: pain ratings on real faces";

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (!database.IsEmbedded || !options.Value.Seed)
            return;
        var owner = await users.FindByEmailAsync(admin.Value.Email)
            ?? throw new InvalidOperationException("The demo study needs the first admin account, which was not created.");
        var actor = new Actor(owner.Id, IsAdmin: true);
        var folder = options.Value.Folder ?? Path.Combine(AppContext.BaseDirectory, "DemoData");
        var faces = DemoFaces.Read(folder);

        // Resumable: an interrupted first run adds the missing faces next time instead of leaving a half-seeded study.
        Guid? studyId;
        HashSet<string> present;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            studyId = await db.Studies.Where(s => s.IsDemo).Select(s => (Guid?)s.Id).FirstOrDefaultAsync(cancellationToken);
            present = studyId is null ? [] : [.. await db.SourceFaces.Where(f => f.StudyId == studyId).Select(f => f.Label).ToListAsync(cancellationToken)];
        }
        if (present.Count == faces.Count)
        {
            if (studyId is { } seeded)
                await GenerateVariantsAsync(seeded, cancellationToken);
            return;
        }
        studyId ??= await createStudy.HandleAsync(new CreateStudy.Command
        {
            Name = StudyName,
            Description = "Seeded on first run from public-domain and Boost-licensed photographs (DemoData/NOTICE.md). " +
                "They show ordinary expressions, not pain; replace them with your own study's faces.",
        }, actor, cancellationToken, isDemo: true);

        var added = 0;
        foreach (var face in faces.Where(f => !present.Contains(f.Label)))
        {
            var bytes = await File.ReadAllBytesAsync(Path.Combine(folder, "faces", face.File), cancellationToken);
            var result = await uploadFace.HandleAsync(new UploadSourceFace.Command(studyId.Value, face.Label, face.Gender, face.Race,
                face.AgeGroup, face.File, bytes), actor, cancellationToken);
            if (result.Succeeded)
                added++;
            else
                logger.LogWarning("Demo face {Label} was not added: {Errors}", face.Label, result.Errors);
        }
        logger.LogInformation("Seeded the demo study with {Count} real faces", added);
        await GenerateVariantsAsync(studyId.Value, cancellationToken);
    }

    /// <summary>
    /// Queues one generation run of the built-in skin-tone editor, the job a researcher starts on the Variants page, so a
    /// newcomer sees originals beside their variants. Once queued it is not queued again (the run row records it).
    /// </summary>
    private async Task GenerateVariantsAsync(Guid studyId, CancellationToken cancellationToken)
    {
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            if (await db.GenerationRuns.AnyAsync(r => r.StudyId == studyId, cancellationToken))
                return;
        }
        var runId = await generation.EnqueueAsync(studyId, new GenerationRequest(SkinToneStrength: 0.6), cancellationToken);
        logger.LogInformation("Queued skin-tone variants for the demo study (run {RunId})", runId);
    }
}
