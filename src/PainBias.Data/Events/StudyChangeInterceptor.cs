using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using PainBias.Data.Entities;

namespace PainBias.Data.Events;

/// <summary>
/// The one place that notices changed ratings: whatever code stores or edits an <see cref="Assessment"/> (or moves a
/// <see cref="TaskSession"/>, which the screening pass rate reads) through SaveChanges, the study is announced once the
/// change has committed — at once without an explicit transaction, at commit inside one, never after a rollback.
/// Set-based writes (ExecuteUpdate) bypass SaveChanges; their callers announce through <see cref="IStudyChangePublisher"/>.
/// </summary>
public sealed class StudyChangeInterceptor(IStudyChangePublisher publisher) : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    // Studies touched by a context but not yet committed; weak, so a forgotten context takes its entry with it.
    private readonly ConditionalWeakTable<DbContext, HashSet<Guid>> _pending = new();

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Collect(eventData.Context);
        return result;
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Collect(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context?.Database.CurrentTransaction is null)
            Flush(eventData.Context).GetAwaiter().GetResult();
        return result;
    }

    public async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context?.Database.CurrentTransaction is null)
            await Flush(eventData.Context);
        return result;
    }

    public void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        if (eventData.Context?.Database.CurrentTransaction is null)
            Discard(eventData.Context);
    }

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        SaveChangesFailed(eventData);
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) =>
        Flush(eventData.Context).GetAwaiter().GetResult();

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default) =>
        Flush(eventData.Context);

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Discard(eventData.Context);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Discard(eventData.Context);
        return Task.CompletedTask;
    }

    private void Collect(DbContext? context)
    {
        if (context is null)
            return;
        var changed = context.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Select(e => e.Entity switch
            {
                Assessment a => a.StudyId,
                TaskSession s => s.StudyId,
                _ => Guid.Empty,
            })
            .Where(id => id != Guid.Empty)
            .ToList();
        if (changed.Count == 0)
            return;
        var pending = _pending.GetOrCreateValue(context);
        lock (pending)
            pending.UnionWith(changed);
    }

    private Task Flush(DbContext? context)
    {
        if (context is null || !_pending.TryGetValue(context, out var pending))
            return Task.CompletedTask;
        Guid[] ids;
        lock (pending)
        {
            ids = [.. pending];
            pending.Clear();
        }
        return ids.Length == 0 ? Task.CompletedTask : publisher.PublishAsync(ids);
    }

    private void Discard(DbContext? context)
    {
        if (context is not null && _pending.TryGetValue(context, out var pending))
            lock (pending)
                pending.Clear();
    }
}
