using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using PainBias.Core.Domain;
using PainBias.Crowd.MTurk;
using PainBias.Data;
using PainBias.Data.Entities;
using PainBias.Web.Features.Audit;
using PainBias.Web.Hosting;

namespace PainBias.Web.Features.Workers;

/// <summary>What became of an admin's action, in words for the page.</summary>
public sealed record ActionOutcome(bool Succeeded, string Message);

/// <summary>
/// Blocks and qualifications. For MTurk workers the change is made on MTurk first; only when MTurk accepted it is it
/// stored here, together with its audit entry in the same SaveChanges. A refusal by MTurk changes nothing here and is
/// recorded as a failed action.
/// </summary>
public sealed partial class WorkerActions(
    IDbContextFactory<PainBiasDbContext> contexts, IMTurkClient mturk, TimeProvider clock, ILogger<WorkerActions> log)
{
    public const int MaxReason = 1000;

    [GeneratedRegex("^[A-Za-z0-9_.:-]{1,64}$")]
    private static partial Regex QualificationTypeIdPattern();

    public async Task<ActionOutcome> BlockAsync(Guid workerId, string? reason, Actor actor, CancellationToken cancellationToken)
    {
        reason = reason?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length > MaxReason)
            return new(false, $"Give a reason (1..{MaxReason} characters); MTurk shows it to the worker.");
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var worker = await db.Workers.SingleOrDefaultAsync(w => w.Id == workerId, cancellationToken);
        if (worker is null)
            return new(false, "No such worker.");
        if (worker.Blocked)
            return new(false, "This worker is already blocked.");
        var now = clock.GetUtcNow().UtcDateTime;
        if (worker.Platform == Platform.MTurk
            && await MirrorAsync(db, actor, now, "worker.block", worker, reason,
                () => mturk.CreateWorkerBlockAsync(new CreateWorkerBlockRequest { WorkerId = worker.ExternalId, Reason = reason }, cancellationToken),
                cancellationToken) is { } failed)
            return failed;
        (worker.Blocked, worker.BlockReason, worker.BlockedAt) = (true, reason, now);
        db.Audit(actor, now, "worker.block", "worker", worker.Id.ToString(), Describe(worker, reason));
        await db.SaveChangesAsync(cancellationToken);
        log.LogInformation("Admin {ActorId} blocked worker {WorkerId}", actor.UserId, worker.Id);
        return new(true, worker.Platform == Platform.MTurk ? "Blocked here and on MTurk." : "Blocked.");
    }

    public async Task<ActionOutcome> UnblockAsync(Guid workerId, string? reason, Actor actor, CancellationToken cancellationToken)
    {
        reason = reason?.Trim();
        if (reason?.Length > MaxReason)
            return new(false, $"The reason is longer than {MaxReason} characters.");
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var worker = await db.Workers.SingleOrDefaultAsync(w => w.Id == workerId, cancellationToken);
        if (worker is null)
            return new(false, "No such worker.");
        if (!worker.Blocked)
            return new(false, "This worker is not blocked.");
        var now = clock.GetUtcNow().UtcDateTime;
        if (worker.Platform == Platform.MTurk
            && await MirrorAsync(db, actor, now, "worker.unblock", worker, reason,
                () => mturk.DeleteWorkerBlockAsync(new DeleteWorkerBlockRequest { WorkerId = worker.ExternalId, Reason = string.IsNullOrEmpty(reason) ? null : reason }, cancellationToken),
                cancellationToken) is { } failed)
            return failed;
        (worker.Blocked, worker.BlockReason, worker.BlockedAt) = (false, null, null);
        db.Audit(actor, now, "worker.unblock", "worker", worker.Id.ToString(), Describe(worker, reason));
        await db.SaveChangesAsync(cancellationToken);
        return new(true, "Unblocked.");
    }

    public async Task<ActionOutcome> GrantQualificationAsync(
        Guid workerId, string? qualificationTypeId, int integerValue, bool notifyWorker, Actor actor, CancellationToken cancellationToken)
    {
        var typeId = qualificationTypeId?.Trim() ?? "";
        if (!QualificationTypeIdPattern().IsMatch(typeId))
            return new(false, "The qualification type id is 1..64 letters, digits, '_', '.', ':' or '-' (on MTurk: the QualificationTypeId).");
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var worker = await db.Workers.SingleOrDefaultAsync(w => w.Id == workerId, cancellationToken);
        if (worker is null)
            return new(false, "No such worker.");
        var now = clock.GetUtcNow().UtcDateTime;
        var details = $"{typeId}={integerValue}";
        if (worker.Platform == Platform.MTurk
            && await MirrorAsync(db, actor, now, "worker.qualification.grant", worker, details,
                () => mturk.AssociateQualificationWithWorkerAsync(new AssociateQualificationWithWorkerRequest
                {
                    QualificationTypeId = typeId, WorkerId = worker.ExternalId, IntegerValue = integerValue, SendNotification = notifyWorker,
                }, cancellationToken),
                cancellationToken) is { } failed)
            return failed;
        // MTurk keeps one value per worker and type; so does the active grant here.
        var active = await db.WorkerQualifications.SingleOrDefaultAsync(q => q.WorkerId == workerId && q.QualificationTypeId == typeId && q.RevokedAt == null, cancellationToken);
        if (active is not null)
            active.IntegerValue = integerValue;
        else
            db.WorkerQualifications.Add(new WorkerQualification
            {
                Id = Guid.NewGuid(), WorkerId = workerId, QualificationTypeId = typeId, IntegerValue = integerValue, GrantedAt = now, GrantedBy = actor.UserId,
            });
        db.Audit(actor, now, "worker.qualification.grant", "worker", worker.Id.ToString(), Describe(worker, details));
        await db.SaveChangesAsync(cancellationToken);
        return new(true, $"Granted {details}.");
    }

    public async Task<ActionOutcome> RevokeQualificationAsync(Guid qualificationId, string? reason, Actor actor, CancellationToken cancellationToken)
    {
        reason = reason?.Trim();
        if (reason?.Length > MaxReason)
            return new(false, $"The reason is longer than {MaxReason} characters.");
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var grant = await db.WorkerQualifications.SingleOrDefaultAsync(q => q.Id == qualificationId, cancellationToken);
        if (grant is null || grant.RevokedAt is not null)
            return new(false, "No such active qualification.");
        var worker = await db.Workers.SingleAsync(w => w.Id == grant.WorkerId, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var details = $"{grant.QualificationTypeId}" + (string.IsNullOrEmpty(reason) ? "" : $": {reason}");
        if (worker.Platform == Platform.MTurk)
        {
            try
            {
                await mturk.DisassociateQualificationFromWorkerAsync(new DisassociateQualificationFromWorkerRequest
                {
                    QualificationTypeId = grant.QualificationTypeId, WorkerId = worker.ExternalId, Reason = string.IsNullOrEmpty(reason) ? null : reason,
                }, cancellationToken);
            }
            catch (MTurkRequestException ex) when (ex.TurkErrorCode == "AWS.MechanicalTurk.QualificationDoesNotExist")
            {
                // Already gone on MTurk (revoked there by hand): the local record catches up.
                details += " (MTurk had already removed it)";
            }
            catch (Exception ex) when (ex is MTurkException or MTurkConfigurationException)
            {
                return await FailAsync(db, actor, now, "worker.qualification.revoke", worker, details, ex, cancellationToken);
            }
        }
        (grant.RevokedAt, grant.RevokedBy, grant.RevokeReason) = (now, actor.UserId, string.IsNullOrEmpty(reason) ? null : reason);
        db.Audit(actor, now, "worker.qualification.revoke", "worker", worker.Id.ToString(), Describe(worker, details));
        await db.SaveChangesAsync(cancellationToken);
        return new(true, $"Revoked {grant.QualificationTypeId}.");
    }

    /// <summary>Runs the MTurk call; on failure records it and returns the outcome to show, else null.</summary>
    private async Task<ActionOutcome?> MirrorAsync(
        PainBiasDbContext db, Actor actor, DateTime now, string action, Worker worker, string? details, Func<Task> call, CancellationToken cancellationToken)
    {
        try
        {
            await call();
            return null;
        }
        catch (Exception ex) when (ex is MTurkException or MTurkConfigurationException)
        {
            return await FailAsync(db, actor, now, action, worker, details, ex, cancellationToken);
        }
    }

    private async Task<ActionOutcome> FailAsync(
        PainBiasDbContext db, Actor actor, DateTime now, string action, Worker worker, string? details, Exception ex, CancellationToken cancellationToken)
    {
        // MTurk's messages name the operation and its error code, never the credentials.
        var why = ex is MTurkRequestException { TurkErrorCode: { } code } ? $"{code}: {ex.Message}" : ex.Message;
        db.ChangeTracker.Clear();
        db.Audit(actor, now, action, "worker", worker.Id.ToString(), $"{Describe(worker, details)}; MTurk refused: {why}", AuditOutcome.Failed);
        await db.SaveChangesAsync(cancellationToken);
        log.LogWarning("MTurk refused {Action} for worker {WorkerId}: {Reason}", action, worker.Id, why);
        return new(false, $"MTurk refused the change, so nothing was changed here: {why}");
    }

    private static string Describe(Worker worker, string? details) =>
        $"{worker.Platform} {worker.ExternalId}" + (string.IsNullOrEmpty(details) ? "" : $" — {details}");
}
