using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using PainBias.Crowd.MTurk;
using PainBias.Data;
using PainBias.Data.Entities;

namespace PainBias.Jobs.Crowd;

/// <summary>
/// Publishes a launch: its "took part" qualification, its HIT type, then one HIT per batch. Every step is recorded
/// before and after its call, so a rerun after any failure continues where it stopped and never creates a HIT twice.
/// </summary>
public sealed class MTurkPublisher(
    IDbContextFactory<PainBiasDbContext> contexts, IMTurkClientFactory clients, TimeProvider clock, ILogger<MTurkPublisher> logger)
{
    [Queue(Queues.Crowd)]
    [AutomaticRetry(Attempts = 3)]
    public async Task PublishAsync(Guid launchId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var launch = await db.MTurkLaunches.SingleOrDefaultAsync(l => l.Id == launchId, cancellationToken);
        if (launch is null || launch.Status is MTurkLaunchStatus.Draft or MTurkLaunchStatus.Closed)
            return;

        var client = clients.For(launch.Sandbox);
        var account = await MTurkAccountCheck.CheckAsync(client, launch.Sandbox, cancellationToken);
        if (!account.Usable)
        {
            // Not transient: back to draft with the reason, and no retry.
            launch.LastError = account.Problem;
            if (launch.Status == MTurkLaunchStatus.Publishing)
                launch.Status = MTurkLaunchStatus.Draft;
            await db.SaveChangesAsync(cancellationToken);
            return;
        }

        try
        {
            await EnsureTookPartAsync(db, client, launch, cancellationToken);
            await EnsureHitTypeAsync(db, client, launch, cancellationToken);
            var batches = await EnsureBatchesAsync(db, launch, cancellationToken);
            foreach (var batch in batches.Where(b => b.State != MTurkBatchState.Created))
                await CreateHitAsync(db, client, launch, batch, cancellationToken);
            launch.Status = MTurkLaunchStatus.Published;
            launch.LastError = null;
            await db.SaveChangesAsync(cancellationToken);
            logger.LogInformation("MTurk launch {LaunchId} published: {Hits} HITs", launch.Id, batches.Count);
        }
        catch (MTurkException e)
        {
            launch.LastError = e.Message;
            await db.SaveChangesAsync(CancellationToken.None);
            logger.LogWarning("MTurk launch {LaunchId} stopped publishing: {Error}", launch.Id, e.Message);
            throw;
        }
    }

    private static async Task EnsureTookPartAsync(PainBiasDbContext db, IMTurkClient client, MTurkLaunch launch, CancellationToken ct)
    {
        if (launch.TookPartQualificationTypeId is not null)
            return;
        // Names are unique per requester account; the launch id keeps sandbox and live and reruns apart.
        var created = await client.CreateQualificationTypeAsync(new CreateQualificationTypeRequest
        {
            Name = $"PainBias took part {launch.StudyId:N} {launch.Id:N}",
            Description = "Marks workers who already rated faces in this PainBias study, so they are not asked twice.",
            QualificationTypeStatus = QualificationTypeStatus.Active,
        }, ct);
        launch.TookPartQualificationTypeId = created.QualificationType.QualificationTypeId;
        await db.SaveChangesAsync(ct);
    }

    private static async Task EnsureHitTypeAsync(PainBiasDbContext db, IMTurkClient client, MTurkLaunch launch, CancellationToken ct)
    {
        if (launch.HitTypeId is not null)
            return;
        // Every "took part" marker of this study on the same marketplace: one study, one pass per worker.
        var tookPart = await db.MTurkLaunches.AsNoTracking()
            .Where(l => l.StudyId == launch.StudyId && l.Sandbox == launch.Sandbox && l.TookPartQualificationTypeId != null)
            .Select(l => l.TookPartQualificationTypeId!)
            .ToListAsync(ct);
        var requirements = MTurkHitRequests.Requirements(launch, tookPart.Order(StringComparer.Ordinal));
        // CreateHITType is idempotent on MTurk: the same settings give back the same id.
        launch.HitTypeId = (await client.CreateHITTypeAsync(MTurkHitRequests.HitType(launch, requirements), ct)).HITTypeId;
        await db.SaveChangesAsync(ct);
    }

    private static async Task<List<MTurkHitBatch>> EnsureBatchesAsync(PainBiasDbContext db, MTurkLaunch launch, CancellationToken ct)
    {
        var batches = await db.MTurkHitBatches.Where(b => b.LaunchId == launch.Id).OrderBy(b => b.Index).ToListAsync(ct);
        if (batches.Count > 0)
            return batches;
        // The whole plan is written at once, before the first HIT: a rerun sends exactly these batches.
        batches = [.. HitBatches.Plan(launch.TotalAssignments).Select((size, i) => new MTurkHitBatch
        {
            Id = Guid.NewGuid(), LaunchId = launch.Id, Index = i, Assignments = size, State = MTurkBatchState.Pending,
        })];
        db.MTurkHitBatches.AddRange(batches);
        await db.SaveChangesAsync(ct);
        return batches;
    }

    private async Task CreateHitAsync(PainBiasDbContext db, IMTurkClient client, MTurkLaunch launch, MTurkHitBatch batch, CancellationToken ct)
    {
        batch.State = MTurkBatchState.Creating;
        await db.SaveChangesAsync(ct);
        HIT hit;
        try
        {
            hit = (await client.CreateHITWithHITTypeAsync(MTurkHitRequests.Hit(launch, batch), ct)).HIT;
        }
        catch (MTurkRequestException e) when (e.IsDuplicateRequest)
        {
            // An earlier attempt created it and its answer was lost: find it by the annotation it carries.
            var annotation = MTurkHitRequests.Annotation(batch);
            hit = await client.ListAllHITsAsync(ct).FirstOrDefaultAsync(h => h.RequesterAnnotation == annotation, ct)
                ?? throw new MTurkException("ListHITs", null, $"MTurk says HIT batch {batch.Index + 1} exists but does not list it; try again later.");
            logger.LogInformation("MTurk HIT {HitId} of launch {LaunchId} was already created; recorded it", hit.HITId, launch.Id);
        }
        catch (MTurkException e)
        {
            batch.LastError = e.Message;
            await db.SaveChangesAsync(CancellationToken.None);
            throw;
        }

        batch.HitId = hit.HITId;
        batch.Expiration = (hit.Expiration ?? clock.GetUtcNow().AddHours(launch.LifetimeHours)).UtcDateTime;
        batch.State = MTurkBatchState.Created;
        batch.LastError = null;
        await db.SaveChangesAsync(ct);
    }
}
